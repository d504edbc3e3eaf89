using CoworkSync.Functions.Portal.Accounts;
using CoworkSync.Functions.Portal.Authentication;
using CoworkSync.Functions.Portal.Layout;
using CoworkSync.Functions.Portal.SignIn;
using CoworkSync.Functions.Web;
using CoworkSync.Functions.Web.Components;

namespace CoworkSync.Functions.Portal;

/// <summary>The member portal's registration: its face, session scheme, policies and endpoints.</summary>
public static class PortalFunctions
{
    public static Face Face { get; } = new("portal", "CoworkSync", WebPaths.Portal, typeof(PortalLayout));

    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder, bool underFunctionsHost)
    {
        var services = builder.Services;
        services.AddFace(Face);
        services.AddAuthentication().AddPortalScheme(underFunctionsHost);
        services.AddAuthorizationBuilder().AddPortalPolicies();
        services.AddSingleton<PlatformSignInCookie>();
        services.AddSingleton(new PortalClientAddress(underFunctionsHost));
        return builder;
    }

    /// <summary>After the faces' authentication, authorization and antiforgery: the portal's account gate.</summary>
    public static IApplicationBuilder UsePortal(this IApplicationBuilder app) => app.UseMiddleware<PortalAccountGate>();

    public static void MapPortal(this WebApplication app, bool underFunctionsHost)
    {
        PortalFunction.Map(app);
        PortalSignOut.Map(app);
        PlatformSignInEndpoints.Map(app, underFunctionsHost);
        WifiProfileDownload.Map(app);
    }
}
