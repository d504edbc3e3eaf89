using CoworkSync.Functions.Hosting.Http;
using CoworkSync.NetworkAccess;

namespace CoworkSync.Functions.Radius.RadiusAuthorize;

/// <summary>
/// <c>POST /api/radius/authorize</c> (FreeRADIUS rlm_rest, JSON): 200 with the password and reply attributes,
/// 401 with a Reply-Message that says why access is denied, 404 for an unknown user, 400 for an unreadable body.
/// </summary>
public static class RadiusAuthorizeFunction
{
    public const string FunctionName = "RadiusAuthorize";
    public const int MaxBodyBytes = 64 * 1024;

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/radius/authorize", AuthorizeAsync).AsFunction(FunctionName, FunctionAuthLevel.Function);

    private static async Task<IResult> AuthorizeAsync(HttpRequest request, RadiusAuthorizer authorizer, CancellationToken cancellationToken)
    {
        var body = await BoundedBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body is null)
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        RadiusAnswer answer;
        try
        {
            answer = await authorizer.AuthorizeAsync(RadiusAttributes.Parse(body), cancellationToken);
        }
        catch (RadiusRequestException ex)
        {
            // Unreadable, or an attribute no RADIUS request can hold (read as the authorizer needs it).
            return Results.Json(new Dictionary<string, object> { ["reply:Reply-Message"] = RadiusAnswer.Literal(ex.Message) }, statusCode: StatusCodes.Status400BadRequest);
        }
        return answer.Attributes is null ? Results.StatusCode(answer.StatusCode) : Results.Json(answer.Attributes, statusCode: answer.StatusCode);
    }
}
