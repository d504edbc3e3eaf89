using CoworkSync.Access;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Members.Provisioning;
using CoworkSync.Members.Records;

namespace CoworkSync.Platforms.Cobot;

/// <summary>
/// Reads one membership from Cobot and reconciles it: the state Cobot returns now, read with the connector's own
/// token, is what counts. A membership Cobot no longer has (404, e.g. after <c>deleted_membership</c>) is gone:
/// the member is reconciled as ended from what is stored. Cobot's failures come out as <see cref="PlatformException"/>.
/// </summary>
public sealed class CobotMemberRefresher(
    CobotClient client, CobotConnections connections, CobotPlatformFailures failures, AccessGroupStore groups, CobotPlanNames planNames,
    MemberStore members, MemberProvisioner provisioner, TimeProvider time)
{
    public async Task<ReconcileResult?> RefreshAsync(Connector connector, string membershipId, string? eventId, CancellationToken cancellationToken)
    {
        var member = await failures.TranslateAsync(connector, () => ReadAsync(connector, membershipId, cancellationToken), cancellationToken);
        if (member is not null)
        {
            return await provisioner.ProvisionAsync(
                new ReconcileRequest(connector.Id, member, connector.Settings, connector.PlanMappings, EventId: eventId, VersionIsReadTime: true), cancellationToken);
        }

        var stored = await members.GetAsync(connector.Id, membershipId, cancellationToken);
        if (stored is null || stored.Gone)
            return null;
        var ended = stored.Platform with { MembershipStatus = MembershipStatus.Ended, UpdatedAt = time.GetUtcNow() };
        return await provisioner.ProvisionAsync(new ReconcileRequest(connector.Id, ended, connector.Settings, connector.PlanMappings, EventId: eventId, Gone: true), cancellationToken);
    }

    /// <returns>The membership as Cobot has it now; null when Cobot no longer has it.</returns>
    private async Task<PlatformMember?> ReadAsync(Connector connector, string membershipId, CancellationToken cancellationToken)
    {
        var connection = await connections.ForAsync(connector, cancellationToken);
        var settings = CobotConnections.Settings(connector);
        var membership = await client.GetMembershipAsync(connection, membershipId, cancellationToken);
        if (membership is null)
            return null;
        var plans = await planNames.GetAsync(connector.Id, connection, refresh: false, cancellationToken);
        var fields = settings.CustomFieldGroups ? await client.GetMembershipFieldsAsync(connection, membershipId, cancellationToken) : null;
        var readAt = time.GetUtcNow();

        string? extra = null;
        if (settings.CustomFieldGroups)
        {
            var known = (await groups.GetAllAsync(cancellationToken)).Keys.ToHashSet(StringComparer.Ordinal);
            (extra, _) = CobotCustomFieldGroups.Read(fields, settings.CustomFieldLabel, known);
        }
        return CobotMapper.ToPlatformMember(membership, connector.Locations.FirstOrDefault(), readAt, extra, plans);
    }
}
