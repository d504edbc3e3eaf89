using CoworkSync.Access;
using CoworkSync.Provisioning;

namespace CoworkSync.Connectors.Cobot;

/// <summary>
/// Reads one membership from Cobot and reconciles it: the state Cobot returns now, read with the connector's own
/// token, is what counts. A membership Cobot no longer has (404, e.g. after <c>deleted_membership</c>) is gone:
/// the member is reconciled as ended from what is stored.
/// </summary>
public sealed class CobotMemberRefresher(
    CobotClient client, CobotConnections connections, CobotConnectionStore states, AccessGroupStore groups, CobotPlanNames planNames,
    MemberStore members, MemberProvisioner provisioner, TimeProvider time)
{
    public async Task<ReconcileResult?> RefreshAsync(Connector connector, string membershipId, string? eventId, CancellationToken cancellationToken)
    {
        var connection = await connections.ForAsync(connector, cancellationToken);
        var settings = CobotConnections.Settings(connector);
        CobotMembership? membership;
        CobotMembershipFields? fields = null;
        IReadOnlyDictionary<string, string>? plans = null;
        try
        {
            membership = await client.GetMembershipAsync(connection, membershipId, cancellationToken);
            if (membership is not null)
                plans = await planNames.GetAsync(connector.Id, connection, refresh: false, cancellationToken);
            if (membership is not null && settings.CustomFieldGroups)
                fields = await client.GetMembershipFieldsAsync(connection, membershipId, cancellationToken);
        }
        catch (CobotApiException ex) when (CobotConnectionStates.ErrorReason(ex) is { } reason)
        {
            await states.SetStateAsync(connector.Id, CobotConnectionStates.Error, reason, time.GetUtcNow(), cancellationToken);
            throw;
        }
        var readAt = time.GetUtcNow();

        if (membership is null)
        {
            var stored = await members.GetAsync(connector.Id, membershipId, cancellationToken);
            if (stored is null || stored.Gone)
                return null;
            var ended = stored.Platform with { MembershipStatus = MembershipStatus.Ended, UpdatedAt = readAt };
            return await provisioner.ProvisionAsync(new ReconcileRequest(connector.Id, ended, connector.Settings, connector.PlanMappings, EventId: eventId, Gone: true), cancellationToken);
        }

        string? extra = null;
        if (settings.CustomFieldGroups)
        {
            var known = (await groups.GetAllAsync(cancellationToken)).Keys.ToHashSet(StringComparer.Ordinal);
            (extra, _) = CobotCustomFieldGroups.Read(fields, settings.CustomFieldLabel, known);
        }
        var member = CobotMapper.ToPlatformMember(membership, connector.Locations.FirstOrDefault(), readAt, extra, plans);
        return await provisioner.ProvisionAsync(
            new ReconcileRequest(connector.Id, member, connector.Settings, connector.PlanMappings, EventId: eventId, VersionIsReadTime: true), cancellationToken);
    }
}
