using CoworkSync.Functions.Portal.Authentication;
using CoworkSync.Functions.Portal.Layout;
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
        return builder;
    }

    public static void MapPortal(this WebApplication app) => PortalFunction.Map(app);
}
