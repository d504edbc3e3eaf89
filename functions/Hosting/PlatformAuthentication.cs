namespace CoworkSync.Functions.Hosting;

/// <summary>
/// Whether App Service authentication runs in front of the app. Only then does the platform set the principal headers
/// (<c>X-MS-CLIENT-PRINCIPAL</c>, <c>X-MS-CLIENT-PRINCIPAL-NAME</c>) and strip those a client sent; otherwise anyone could
/// send them, so nothing may believe them: not the console's sign-in, not the admin API's actor.
/// </summary>
public static class PlatformAuthentication
{
    /// <summary>The setting App Service injects, <c>True</c> when its authentication is on for the app.</summary>
    public const string EnabledSetting = "WEBSITE_AUTH_ENABLED";

    public static bool IsEnabled(IConfiguration configuration) =>
        string.Equals(configuration[EnabledSetting]?.Trim(), "True", StringComparison.OrdinalIgnoreCase);

    /// <summary>The principal headers are the platform's: under the Functions host with App Service authentication on.</summary>
    public static bool TrustsPrincipalHeaders(IConfiguration configuration) =>
        HostingMode.IsCustomHandler(configuration) && IsEnabled(configuration);
}
