using CoworkSync.Functions.Hosting.Http;
using CoworkSync.NetworkAccess;

namespace CoworkSync.Functions.Radius.RadiusAccounting;

/// <summary><c>POST /api/radius/accounting</c> (FreeRADIUS rlm_rest, JSON): records the session's seconds; 204.</summary>
public static class RadiusAccountingFunction
{
    public const string FunctionName = "RadiusAccounting";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/radius/accounting", RecordAsync).AsFunction(FunctionName, FunctionAuthLevel.Function);

    private static async Task<IResult> RecordAsync(HttpRequest request, RadiusAccountant accountant, CancellationToken cancellationToken)
    {
        var body = await BoundedBody.ReadAsync(request, 64 * 1024, cancellationToken);
        if (body is null)
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        try
        {
            await accountant.RecordAsync(RadiusAttributes.Parse(body), cancellationToken);
        }
        catch (RadiusRequestException)
        {
            return Results.StatusCode(StatusCodes.Status400BadRequest);
        }
        return Results.NoContent();
    }
}
