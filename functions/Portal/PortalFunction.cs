using CoworkSync.Functions.Hosting.Http;
using CoworkSync.Functions.Portal.Authentication;
using CoworkSync.Functions.Web;
using CoworkSync.Functions.Web.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoworkSync.Functions.Portal;

/// <summary>
/// The member portal's HTTP function, <c>portal/{*path}</c>: the Functions host forwards every request under
/// <c>/portal</c> to the app, anonymous at the host. The portal has no pages yet (issue 14 builds them), so every
/// address answers the portal's 404 page, in its layout, from here; pages the portal adds take precedence.
/// </summary>
public static class PortalFunction
{
    public const string FunctionName = "Portal";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapMethods("/portal/{**path}", [HttpMethods.Get, HttpMethods.Post], NotFound)
            .AsFunction(FunctionName, FunctionAuthLevel.Anonymous)
            .WithOrder(int.MaxValue)
            .RequireAuthorization(PortalPolicies.Member)
            .AllowAnonymous()
            .ExcludeFromDescription();

    // Declared as IResult: the endpoints' code generator cannot see the Razor component types the Razor generator makes.
    private static IResult NotFound() => new RazorComponentResult<ProblemDocument>(new
    {
        Face = PortalFunctions.Face,
        Title = "Page not found",
        Message = "There is no page at this address.",
    })
    { StatusCode = StatusCodes.Status404NotFound };
}
