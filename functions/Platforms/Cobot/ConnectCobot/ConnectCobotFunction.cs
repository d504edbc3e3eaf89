using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;
using CoworkSync.Platforms.Cobot;

namespace CoworkSync.Functions.Platforms.Cobot.ConnectCobot;

/// <summary>
/// <c>GET /api/connect/cobot/{connectorId}</c> (key required): redirects (302) the space admin to Cobot's authorize
/// URL with the scopes CoworkSync needs, the redirect URI <c>{publicBaseUrl}/api/auth/cobot_admin/callback</c> and a
/// signed, single-use, expiring <c>state</c>. The <c>Location</c> is an absolute URI as RFC 3986 has it: every query
/// value percent-encoded, the scopes joined by <c>%20</c>. 404 unknown connector; 400 when the client id and secret or
/// the public URL are missing.
/// </summary>
public static class ConnectCobotFunction
{
    public const string FunctionName = "ConnectCobot";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/connect/cobot/{connectorId}", ConnectAsync).AsFunction(FunctionName, FunctionAuthLevel.Function);

    private static async Task<IResult> ConnectAsync(string connectorId, ConnectorStore connectors, CobotConnectFlow flow, CancellationToken cancellationToken)
    {
        var connector = await connectors.GetAsync(connectorId, cancellationToken);
        if (connector is null || CobotConnectorSettings.Of(connector) is null)
            return AdminProblems.NotFound($"There is no Cobot connector '{connectorId}'.");
        var (url, problem) = await flow.AuthorizeUrlAsync(connector, cancellationToken);
        return url is null
            ? Results.Problem(title: "Cannot connect yet", detail: problem, statusCode: StatusCodes.Status400BadRequest)
            : Results.Redirect(url);
    }
}
