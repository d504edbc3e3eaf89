namespace CoworkSync.Functions.Console.Authentication;

/// <summary>How people sign in to the console here: with the local admin key (local mode) or through App Service
/// authentication (under the Functions host, when the platform has it enabled); under the host without it, not at all.</summary>
public sealed record ConsoleSignInMode(bool UsesLocalKey, bool UsesAppService)
{
    /// <summary>App Service's sign-out; it comes back to the sign-in page.</summary>
    public const string AppServiceSignOutUrl = "/.auth/logout?post_logout_redirect_uri=%2Fconsole%2Fsign-in%3FsignedOut%3Dtrue";

    public static ConsoleSignInMode For(IConfiguration configuration, bool underFunctionsHost) =>
        new(!underFunctionsHost, underFunctionsHost && AppServiceAuthenticationOptions.IsEnabled(configuration));

    /// <summary>App Service's Microsoft Entra ID sign-in, coming back to <paramref name="returnUrl"/>.</summary>
    public static string AppServiceSignInUrl(string returnUrl) =>
        "/.auth/login/aad?post_login_redirect_uri=" + Uri.EscapeDataString(returnUrl);
}
