using Microsoft.AspNetCore.Authentication;

namespace CoworkSync.Functions.Console.Authentication;

public sealed class AppServiceAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>The setting App Service injects, <c>True</c> when its authentication is on for the app.</summary>
    public const string EnabledSetting = Hosting.PlatformAuthentication.EnabledSetting;

    /// <summary>
    /// Whether App Service authentication runs in front of the app. Only then does the platform set the principal header
    /// (and strip one a client sent); otherwise anyone could send it, so it is never read.
    /// </summary>
    public bool PlatformAuthenticationEnabled { get; set; }

    public static bool IsEnabled(IConfiguration configuration) => Hosting.PlatformAuthentication.IsEnabled(configuration);
}
