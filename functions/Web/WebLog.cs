namespace CoworkSync.Functions.Web;

/// <summary>What the console and the portal log (EventIds 9500-9599). Never a key, token, cookie or password.</summary>
internal static partial class WebLog
{
    [LoggerMessage(EventId = 9500, EventName = "SignedInWithLocalKey", Level = LogLevel.Information, Message = "Console sign-in with the local admin key as {Role}")]
    public static partial void SignedInWithLocalKey(this ILogger logger, string role);

    [LoggerMessage(EventId = 9501, EventName = "LocalKeyRefused", Level = LogLevel.Warning, Message = "Console sign-in refused: the key given is not the local admin key")]
    public static partial void LocalKeyRefused(this ILogger logger);

    [LoggerMessage(EventId = 9502, EventName = "SignedOut", Level = LogLevel.Information, Message = "Console sign-out of {Name}")]
    public static partial void SignedOut(this ILogger logger, string name);

    [LoggerMessage(EventId = 9503, EventName = "FormRejected", Level = LogLevel.Warning, Message = "Refused a {Method} to the {Face}: no valid antiforgery token")]
    public static partial void FormRejected(this ILogger logger, string method, string face);

    [LoggerMessage(EventId = 9504, EventName = "PrincipalUnreadable", Level = LogLevel.Warning, Message = "Ignored an X-MS-CLIENT-PRINCIPAL header that could not be read: {Problem}")]
    public static partial void PrincipalUnreadable(this ILogger logger, string problem);

    [LoggerMessage(EventId = 9505, EventName = "PrincipalHeaderNotTrusted", Level = LogLevel.Warning, Message = "Ignored an X-MS-CLIENT-PRINCIPAL header: App Service authentication is not enabled for this app (WEBSITE_AUTH_ENABLED)")]
    public static partial void PrincipalHeaderNotTrusted(this ILogger logger);

    [LoggerMessage(EventId = 9506, EventName = "AccessDenied", Level = LogLevel.Information, Message = "Console access denied to {Name}: no role allows it")]
    public static partial void AccessDenied(this ILogger logger, string name);
}
