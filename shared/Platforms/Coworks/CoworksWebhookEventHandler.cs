using System.Text;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Members.Provisioning;
using CoworkSync.Messaging.Events;
using CoworkSync.Messaging.Processing;

namespace CoworkSync.Platforms.Coworks;

/// <summary>
/// Applies a Coworks webhook: the event carries the member's full state, so it is reconciled as is. Its version is
/// the later of the member's <c>updated_at</c> and the event's <c>created_at</c>, so of two events about one member
/// the later one wins even when Coworks did not touch the member itself (a membership change).
/// </summary>
public sealed class CoworksWebhookEventHandler(ConnectorCache connectors, MemberProvisioner provisioner) : IEventHandler
{
    public const string Type = "coworks.webhook";

    public string EventType => Type;

    public async Task HandleAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        var connector = await connectors.GetAsync(envelope.ConnectorId, cancellationToken);
        if (connector is null || connector.Platform != CoworksPlatform.PlatformName)
            throw new PermanentEventException(DeadLetterReasons.UnknownConnector, $"There is no Coworks connector '{envelope.ConnectorId}'.");

        CoworksWebhookEvent webhook;
        PlatformMember member;
        try
        {
            webhook = CoworksWebhookParser.Parse(Encoding.UTF8.GetBytes(envelope.Payload.GetRawText()));
            member = webhook.ToPlatformMember();
        }
        catch (CoworksPayloadException ex)
        {
            throw new PermanentEventException(DeadLetterReasons.InvalidPayload, ex.Message, ex);
        }

        var version = member.UpdatedAt > webhook.CreatedAt ? member.UpdatedAt : webhook.CreatedAt;
        await provisioner.ProvisionAsync(
            new ReconcileRequest(connector.Id, member with { UpdatedAt = version }, connector.Settings, connector.PlanMappings, EventId: envelope.Id),
            cancellationToken);
    }
}
