using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
namespace CoworkSync.Platforms.Cobot;

/// <summary>The connector test's webhook check for Cobot: every needed event has an active subscription, as Cobot lists them.</summary>
public sealed class CobotWebhookCheck(CobotCallbackUrls urls, CobotConnections connections, CobotSubscriptions subscriptions)
{
    /// <returns>Whether all is well, what to tell the operator, and the events without an active subscription.</returns>
    public async Task<(bool Ok, string Detail, IReadOnlyList<string> Missing)> RunAsync(Connector connector, CancellationToken cancellationToken)
    {
        if (!urls.IsConfigured)
            return (false, "Cobot__PublicBaseUrl is not set: Cobot cannot call this app", []);
        try
        {
            var connection = await connections.ForAsync(connector, cancellationToken);
            var missing = await subscriptions.MissingAsync(connector, connection, cancellationToken);
            return missing.Count == 0
                ? (true, "every event subscribed; every sync re-creates what Cobot deactivated", missing)
                : (false, $"{missing.Count} event(s) without an active subscription: the next sync subscribes them", missing);
        }
        catch (MissingCredentialsException)
        {
            return (false, "not connected: no access token yet", []);
        }
        catch (Exception ex) when (ex is CobotApiException or CobotPayloadException)
        {
            return (false, $"Cobot did not list the subscriptions: {ex.Message}", []);
        }
    }
}
