using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;

namespace CoworkSync.Platforms.Cobot;

/// <summary>
/// Cobot's connect button: sends the person who pressed it to Cobot's authorize page (<see cref="CobotConnectFlow.AuthorizeUrlAsync"/>,
/// a signed, single-use, expiring <c>state</c>), where a space admin allows CoworkSync; the OAuth callback finishes it.
/// The same as <c>GET /api/connect/cobot/{connectorId}</c>, without the function key.
/// </summary>
public sealed class CobotConnect(CobotConnectFlow flow) : IPlatformConnect
{
    public string Label => "Connect with Cobot";

    public string Help =>
        "Opens Cobot, where an admin of the space signs in and allows CoworkSync; the connection then belongs to the space, " +
        "its webhooks are subscribed and the first sync starts. Needs the OAuth client id and secret.";

    public async Task<ConnectStart> StartAsync(Connector connector, CancellationToken cancellationToken)
    {
        var (url, problem) = await flow.AuthorizeUrlAsync(connector, cancellationToken);
        return url is null ? ConnectStart.CannotStart(problem!) : ConnectStart.At(url);
    }
}
