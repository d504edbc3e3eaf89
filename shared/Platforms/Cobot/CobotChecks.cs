using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;

namespace CoworkSync.Platforms.Cobot;

/// <summary>
/// Cobot's part of the connector test: <c>webhooks</c>, every needed event actively subscribed as Cobot lists them
/// (<see cref="CobotWebhookCheck"/>); and last <c>timeZone</c>, the space's time zone against the first location's
/// (<see cref="CobotTimeZoneCheck"/>). Both need Cobot's API: when the <c>api</c> check failed they are not run.
/// </summary>
public sealed class CobotChecks(CobotWebhookCheck webhooks, CobotTimeZoneCheck timeZone) : IPlatformChecks
{
    public async Task<ConnectorCheck> WebhooksAsync(Connector connector, bool apiOk, CancellationToken cancellationToken)
    {
        if (!apiOk)
            return ConnectorCheck.NotRun("webhooks");
        var (ok, detail, missing) = await webhooks.RunAsync(connector, cancellationToken);
        return new("webhooks", ok, detail, missing.Count == 0 ? null : [.. missing]);
    }

    public async Task<IReadOnlyList<ConnectorCheck>> OwnChecksAsync(Connector connector, bool apiOk, CancellationToken cancellationToken)
    {
        if (!apiOk)
            return [ConnectorCheck.NotRun("timeZone")];
        var (ok, detail) = await timeZone.RunAsync(connector, cancellationToken);
        return [new("timeZone", ok, detail)];
    }
}
