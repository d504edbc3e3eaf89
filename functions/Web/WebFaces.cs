using CoworkSync.Functions.Web.Components;
using Microsoft.AspNetCore.DataProtection;

namespace CoworkSync.Functions.Web;

/// <summary>
/// The console and the member portal: Razor components rendered statically on the server (no interactive render mode,
/// no circuit, no framework script), each face under its own path with its own session cookie, antiforgery tokens on
/// every form, and the security headers of <see cref="SecurityHeaders"/>. What the faces share lives here; each face
/// adds its own scheme, policies, services and endpoints (<c>AddConsole</c>, <c>AddPortal</c>), and the composition root
/// calls both.
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
        // No default scheme: the API is untouched; each face adds its own scheme, and its policies name it.
        services.AddAuthentication();
        services.AddAuthorization();
        return builder;
    }

    /// <summary>
    /// Data Protection registers a hosted service that loads the key ring (creating the first key on a fresh instance)
    /// before the server listens, and every registration that uses it (antiforgery, each cookie scheme) registers it
    /// again. Only the console's and the portal's cookies and forms use the keys, so the composition root calls this
    /// after the faces, and the first of those loads the ring instead (docs/decisions.md, "Cold start").
    /// </summary>
    internal static void DataProtectionKeysOnFirstUse(IServiceCollection services)
    {
        var dataProtection = typeof(IDataProtectionBuilder).Assembly;
        foreach (var eager in services.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Assembly == dataProtection).ToList())
            services.Remove(eager);
    }

    /// <summary>Registers a face: its error pages (a form without its token, a page not found) use its layout.</summary>
    public static IServiceCollection AddFace(this IServiceCollection services, Face face) => services.AddSingleton(face);

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

    /// <summary>Every face's pages (each face maps its own catch-all function first).</summary>
    public static WebApplication MapWebFaces(this WebApplication app)
    {
        app.MapRazorComponents<App>();
        return app;
    }
}
