using System.Text.Json;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Messaging.Events;
using CoworkSync.Messaging.Processing;

namespace CoworkSync.Platforms.Cobot;

/// <summary>Applies a queued Cobot webhook by re-reading the membership it points at (<see cref="CobotMemberRefresher"/>).</summary>
public sealed class CobotWebhookEventHandler(ConnectorStore connectors, CobotMemberRefresher refresher) : IEventHandler
{
    public string EventType => CobotWebhookEvent.Type;

    public async Task HandleAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        var connector = await connectors.GetAsync(envelope.ConnectorId, cancellationToken);
        if (connector is null || CobotConnectorSettings.Of(connector) is null)
            throw new PermanentEventException(DeadLetterReasons.UnknownConnector, $"There is no Cobot connector '{envelope.ConnectorId}'.");
        CobotWebhookEvent? webhook;
        try
        {
            webhook = envelope.Payload.Deserialize<CobotWebhookEvent>();
        }
        catch (JsonException ex)
        {
            throw new PermanentEventException(DeadLetterReasons.InvalidPayload, "The Cobot webhook event is not readable.", ex);
        }
        if (webhook is null || string.IsNullOrWhiteSpace(webhook.MembershipId))
            throw new PermanentEventException(DeadLetterReasons.InvalidPayload, "The Cobot webhook event names no membership.");

        try
        {
            await refresher.RefreshAsync(connector, webhook.MembershipId, envelope.Id, cancellationToken);
        }
        catch (Exception ex) when (PlatformFailures.ToEventException(ex) is { } failure)
        {
            throw failure;
        }
    }
}
