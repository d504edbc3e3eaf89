using CoworkSync.Functions.Console;
using CoworkSync.Functions.Console.Authentication;
using CoworkSync.Functions.Portal;
using CoworkSync.Functions.Portal.Authentication;
using CoworkSync.Functions.Web.Components;
using Microsoft.AspNetCore.DataProtection;

namespace CoworkSync.Functions.Web;

/// <summary>
/// The console and the member portal: Razor components rendered statically on the server (no interactive render mode,
/// no circuit, no framework script), each face under its own path with its own session cookie, antiforgery tokens on
/// every form, and the security headers of <see cref="SecurityHeaders"/>.
/// </summary>
public static class WebFaces
{
    public const string AntiforgeryCookieName = "coworksync.antiforgery";

    public static WebApplicationBuilder AddWebFaces(this WebApplicationBuilder builder, bool underFunctionsHost)
    {
        var services = builder.Services;
        services.AddRazorComponents();
        // The keys that protect antiforgery tokens and session cookies. Locally they live with the rest of local
        // mode's state in .data; under the host see docs/decisions.md ("shared Data Protection keys").
        var dataProtection = services.AddDataProtection().SetApplicationName("CoworkSync");
        if (!underFunctionsHost)
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(LocalDataPath(builder.Configuration), "dataprotection-keys")));
        services.AddCascadingAuthenticationState();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = AntiforgeryCookieName;
            options.Cookie.SecurePolicy = FaceCookies.SecurePolicy(underFunctionsHost);
            // SecurityHeaders sends X-Frame-Options: DENY on every page; the default SAMEORIGIN would contradict it.
            options.SuppressXFrameOptionsHeader = true;
        });
        // No default scheme: the API is untouched; each face's policies name the face's scheme.
        services.AddAuthentication()
            .AddConsoleScheme(builder.Configuration, underFunctionsHost)
            .AddPortalScheme(underFunctionsHost);
        services.AddAuthorizationBuilder()
            .AddConsolePolicies()
            .AddPortalPolicies();
        services.AddConsole(builder.Configuration, underFunctionsHost);
        return builder;
    }

    private static string LocalDataPath(IConfiguration configuration) =>
        Path.GetFullPath(configuration[Hosting.CoworkSyncServices.LocalDataPathSetting] ?? ".data");

    /// <summary>Before routing: the headers, then the faces' assets (the catch-all endpoints would otherwise claim them).</summary>
    public static IApplicationBuilder UseWebFaceAssets(this IApplicationBuilder app) =>
        app.UseMiddleware<SecurityHeaders>().UseFaceAssets();

    /// <summary>After routing: who is signed in, what they may do, and the antiforgery check of every form post.</summary>
    public static IApplicationBuilder UseWebFaces(this IApplicationBuilder app) =>
        app.UseAuthentication()
            .UseAuthorization()
            .UseAntiforgery()
            .UseMiddleware<RejectedForms>();

    public static WebApplication MapWebFaces(this WebApplication app, bool underFunctionsHost)
    {
        app.MapConsole(underFunctionsHost);
        PortalFunction.Map(app);
        app.MapRazorComponents<App>();
        return app;
    }
}
