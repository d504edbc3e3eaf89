namespace CoworkSync.Platforms.Cobot;

/// <summary>What the admin API shows of a Cobot connection.</summary>
public static class CobotConnectionStates
{
    public const string NotConnected = "not connected";
    public const string Connected = "connected";
    public const string Syncing = "syncing";
    public const string Error = "error";

    /// <summary>The reason to show for a failure that needs the operator (the token), or null for one that does not.</summary>
    public static string? ErrorReason(CobotApiException ex) => ex.StatusCode switch
    {
        401 => "token revoked: Cobot answered 401",
        403 => "token refused: Cobot answered 403 (a scope or the admin's rights are missing)",
        _ => null,
    };
}

/// <summary>The last thing known about a connector's Cobot connection (table <c>CobotConnections</c>).</summary>
/// <param name="State"><see cref="CobotConnectionStates.Connected"/> or <see cref="CobotConnectionStates.Error"/>.</param>
/// <param name="Reason">Why it is in error, for the operator (never a secret).</param>
/// <param name="SpaceId">The Cobot space id the token was made space-owned for.</param>
/// <param name="At">When the state was recorded.</param>
/// <param name="SpaceOwnedToken">Whether Cobot made the stored token space-owned (it outlives the admin who connected it).</param>
public sealed record CobotConnectionRecord(string State, string? Reason, DateTimeOffset At, string? SpaceId = null, bool SpaceOwnedToken = false);
