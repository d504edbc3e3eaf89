using System.Text.Json;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Members.Provisioning;
using CoworkSync.Members.Records;
using CoworkSync.Messaging.Events;
using CoworkSync.Messaging.Processing;

namespace CoworkSync.IntegrationTests.Platforms.Acme;

/// <summary>Applies an Acme webhook: reads the member from Acme and reconciles them; a member Acme no longer has is gone.</summary>
public sealed class AcmeMemberEventHandler(ConnectorStore connectors, AcmeDirectory directory, MemberStore members, MemberProvisioner provisioner) : IEventHandler
{
    public string EventType => AcmeWebhookReceiver.EventType;

    public async Task HandleAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        var connector = await connectors.GetAsync(envelope.ConnectorId, cancellationToken);
        if (connector is null || AcmeSettings.Of(connector) is not { } settings)
            throw new PermanentEventException(DeadLetterReasons.UnknownConnector, $"There is no Acme connector '{envelope.ConnectorId}'.");
        var memberId = envelope.Payload.GetProperty("memberId").GetString()!;
        var site = directory.Site(settings.SiteCode);
        if (site.Member(memberId) is { } member)
        {
            await provisioner.ProvisionAsync(new ReconcileRequest(connector.Id, member.ToPlatformMember(site), connector.Settings, connector.PlanMappings, EventId: envelope.Id), cancellationToken);
            return;
        }
        if (await members.GetAsync(connector.Id, memberId, cancellationToken) is { Gone: false } stored)
        {
            var ended = stored.Platform with { MembershipStatus = MembershipStatus.Ended, UpdatedAt = envelope.OccurredAt };
            await provisioner.ProvisionAsync(new ReconcileRequest(connector.Id, ended, connector.Settings, connector.PlanMappings, EventId: envelope.Id, Gone: true), cancellationToken);
        }
    }
}
