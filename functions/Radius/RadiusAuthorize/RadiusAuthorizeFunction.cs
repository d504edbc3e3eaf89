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
        RadiusAttributes attributes;
        try
        {
            attributes = RadiusAttributes.Parse(body);
        }
        catch (RadiusRequestException ex)
        {
            return Results.Json(new Dictionary<string, object> { ["reply:Reply-Message"] = RadiusAnswer.Literal(ex.Message) }, statusCode: StatusCodes.Status400BadRequest);
        }

        return new RadiusAnswerResult(await authorizer.AuthorizeAsync(attributes, cancellationToken));
    }
}
