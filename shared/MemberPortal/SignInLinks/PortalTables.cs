namespace CoworkSync.MemberPortal.SignInLinks;

/// <summary>The tables the member portal keeps state in.</summary>
public static class PortalTables
{
    /// <summary>Emailed sign-in links not used yet, by the SHA-256 of their token (<see cref="SignInLinkTokens"/>).</summary>
    public const string SignInLinks = "PortalSignInLinks";

    /// <summary>Link requests counted per email and per client address and window (<see cref="SignInLinkLimits"/>).</summary>
    public const string SignInLimits = "PortalSignInLimits";
}
