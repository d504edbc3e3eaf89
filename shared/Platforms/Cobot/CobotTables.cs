namespace CoworkSync.Platforms.Cobot;

/// <summary>The tables only Cobot keeps state in.</summary>
public static class CobotTables
{
    /// <summary>Each connector's connection: state, reason, the space, when connected (<see cref="CobotConnectionStore"/>).</summary>
    public const string CobotConnections = "CobotConnections";

    /// <summary>Each member's check-in token and last check-in (<see cref="CobotCheckInStore"/>).</summary>
    public const string CobotCheckIns = "CobotCheckIns";

    /// <summary>The OAuth <c>state</c> nonces used once (<see cref="CobotOAuthState"/>).</summary>
    public const string OAuthStates = "OAuthStates";
}
