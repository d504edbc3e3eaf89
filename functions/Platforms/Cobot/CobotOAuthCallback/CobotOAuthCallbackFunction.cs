using System.Net;
using CoworkSync.Functions.Hosting.Http;
using CoworkSync.Platforms.Cobot;

namespace CoworkSync.Functions.Platforms.Cobot.CobotOAuthCallback;

/// <summary>
/// <c>GET /api/auth/cobot_admin/callback?code=…&amp;state=…</c> (anonymous: Cobot sends the admin's browser here).
/// Finishes the connection (<see cref="CobotConnectFlow.CompleteAsync"/>) and answers a page for the admin: 200 when
/// connected, 400 saying what went wrong (bad, reused or expired state; a Cobot error) when nothing was changed, 503 when
/// CoworkSync's own storage failed (the attempt was taken back: nothing was changed either).
/// </summary>
public static class CobotOAuthCallbackFunction
{
    public const string FunctionName = "CobotOAuthCallback";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/auth/cobot_admin/callback", CompleteAsync).AsFunction(FunctionName, FunctionAuthLevel.Anonymous);

    private static async Task<IResult> CompleteAsync(HttpRequest request, CobotConnectFlow flow, CancellationToken cancellationToken)
    {
        var query = request.Query;
        string? connectorId;
        string? problem;
        try
        {
            (connectorId, problem) = await flow.CompleteAsync(query["code"].FirstOrDefault(), query["state"].FirstOrDefault(), query["error"].FirstOrDefault(), cancellationToken);
        }
        catch (Exception ex) when (WebhookAnswers.IsOutage(ex))
        {
            return Page(StatusCodes.Status503ServiceUnavailable, "Cobot was not connected",
                "Nothing was changed: CoworkSync could not store the connection (its storage did not answer). Start again from the connect link in a few minutes.");
        }
        return problem is null
            ? Page(StatusCodes.Status200OK, "Cobot connected",
                $"CoworkSync is connected to Cobot for connector {connectorId}. The connection belongs to the space, so it keeps working if you leave. The first sync has started; you can close this page.")
            : Page(StatusCodes.Status400BadRequest, "Cobot was not connected", $"Nothing was changed: {problem}");
    }

    private static IResult Page(int status, string title, string message) => Results.Content(
        $"<!doctype html><html><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title></head>"
        + $"<body><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(message)}</p></body></html>",
        "text/html; charset=utf-8", statusCode: status);
}
