using CoworkSync.Functions.Console.Authentication;
using CoworkSync.Functions.Hosting.Http;
using CoworkSync.Functions.Web;
using CoworkSync.Functions.Web.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoworkSync.Functions.Console;

/// <summary>
/// The console's HTTP function, <c>console/{*path}</c>: the Functions host forwards every request under
/// <c>/console</c> to the app, anonymous at the host; the app authenticates. Pages and assets have their own endpoints;
/// what none of them serves gets the console's 404 page here.
/// </summary>
public static class ConsoleFunction
{
    public const string FunctionName = "Console";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapMethods("/console/{**path}", [HttpMethods.Get, HttpMethods.Post], NotFound)
            .AsFunction(FunctionName, FunctionAuthLevel.Anonymous)
            .WithOrder(int.MaxValue)
            .RequireAuthorization(ConsolePolicies.Support)
            .AllowAnonymous()
            .ExcludeFromDescription();

    // Declared as IResult: the endpoints' code generator cannot see the Razor component types the Razor generator makes.
    private static IResult NotFound() => new RazorComponentResult<ProblemDocument>(new
    {
        Face = ConsoleFunctions.Face,
        Title = "Page not found",
        Message = "The console has no page at this address.",
    })
    { StatusCode = StatusCodes.Status404NotFound };
}
