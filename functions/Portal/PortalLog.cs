namespace CoworkSync.Functions.Portal;

/// <summary>What the member portal logs (EventIds 9550-9599). Never a password, a sign-in link's token, a code or a cookie.</summary>
internal static partial class PortalLog
{
    [LoggerMessage(EventId = 9550, EventName = "PortalSignedIn", Level = LogLevel.Information, Message = "Portal sign-in {Method}: {Members} members")]
    public static partial void SignedIn(this ILogger logger, string method, int members);

    [LoggerMessage(EventId = 9551, EventName = "PortalSignInRefused", Level = LogLevel.Warning, Message = "Portal sign-in {Method} refused: {Reason}")]
    public static partial void SignInRefused(this ILogger logger, string method, string reason);

    [LoggerMessage(EventId = 9552, EventName = "PortalSignedOut", Level = LogLevel.Information, Message = "Portal sign-out")]
    public static partial void SignedOut(this ILogger logger);

    [LoggerMessage(EventId = 9553, EventName = "PortalNotYours", Level = LogLevel.Warning, Message = "Portal refused a {Method} naming member {MemberId} of connector {ConnectorId}: not one the session proved")]
    public static partial void NotYours(this ILogger logger, string method, string? connectorId, string? memberId);

    [LoggerMessage(EventId = 9554, EventName = "PortalPasswordRevealed", Level = LogLevel.Information, Message = "Portal: member {MemberId} of connector {ConnectorId} asked to see their WiFi password")]
    public static partial void PasswordRevealed(this ILogger logger, string connectorId, string memberId);

    [LoggerMessage(EventId = 9555, EventName = "PortalPasswordChanged", Level = LogLevel.Information, Message = "Portal: member {MemberId} of connector {ConnectorId} changed their WiFi password")]
    public static partial void PasswordChanged(this ILogger logger, string connectorId, string memberId);

    [LoggerMessage(EventId = 9556, EventName = "PortalSignInLinkAsked", Level = LogLevel.Information, Message = "Portal: a sign-in link was asked for ({Outcome})")]
    public static partial void SignInLinkAsked(this ILogger logger, string outcome);
}
