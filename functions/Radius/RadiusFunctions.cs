using CoworkSync.Functions.Radius.RadiusAccounting;
using CoworkSync.Functions.Radius.RadiusAuthorize;

namespace CoworkSync.Functions.Radius;

public static class RadiusFunctions
{
    /// <summary>Maps what FreeRADIUS's rlm_rest calls: authorize and accounting.</summary>
    public static IEndpointRouteBuilder MapRadiusFunctions(this IEndpointRouteBuilder app)
    {
        RadiusAuthorizeFunction.Map(app);
        RadiusAccountingFunction.Map(app);
        return app;
    }
}
