using System.Runtime.CompilerServices;
using CoworkSync.Access;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;

namespace CoworkSync.Platforms.Cobot;

/// <summary>
/// Cobot's members and plans. A full sync reads the plans (hidden ones too, for their
/// current names), every membership in one request and, with the custom-field option, every membership's custom
/// fields in one request: a handful of requests whatever the size of the space, so the 6/min limit on memberships is never in reach.
/// A membership it cannot read is reported (<see cref="SyncNotes.MemberUnreadable"/>), not treated as gone.
/// A 401 (or a 403 reading members) marks the connection in error; the next success clears it.
/// </summary>
public sealed class CobotMembers(
    CobotClient client,
    CobotConnections connections,
    CobotConnectionStore states,
    CobotPlatformFailures failures,
    CobotSubscriptions subscriptions,
    CobotCallbackUrls urls,
    CobotCustomFieldSetup customFields,
    CobotPlanNames planNames,
    AccessGroupStore groups,
    TimeProvider time) : IPlatformMembers
{
    public bool VersionIsReadTime => true;

    public async IAsyncEnumerable<PlatformMember> ListMembersAsync(Connector connector, SyncNotes notes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = await connections.ForAsync(connector, cancellationToken);
        var settings = CobotConnections.Settings(connector);
        var plans = await failures.TranslateAsync(connector, () => planNames.GetAsync(connector.Id, connection, refresh: true, cancellationToken), cancellationToken);
        var memberships = await failures.TranslateAsync(connector, () => client.ListMembershipsAsync(connection, cancellationToken), cancellationToken);
        var readAt = time.GetUtcNow();
        Dictionary<string, CobotMembershipFields>? fields = null;
        IReadOnlySet<string> known = new HashSet<string>();
        if (settings.CustomFieldGroups)
        {
            var all = await failures.TranslateAsync(connector, () => client.ListMembershipFieldsAsync(connection, cancellationToken), cancellationToken);
            fields = all.Where(f => f.MembershipId is not null).GroupBy(f => f.MembershipId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            known = (await groups.GetAllAsync(cancellationToken)).Keys.ToHashSet(StringComparer.Ordinal);
        }

        var location = connector.Locations.FirstOrDefault();
        foreach (var membership in memberships)
        {
            // Without an id it could be any stored member: carrying on would treat that member as gone.
            if (membership.Id is not { Length: > 0 } id)
                throw new PlatformException("Cobot listed a membership without an id; nobody was deprovisioned.", isTransient: false);
            string? extra = null;
            if (fields is not null)
            {
                (extra, var unknown) = CobotCustomFieldGroups.Read(fields.GetValueOrDefault(id), settings.CustomFieldLabel, known);
                if (unknown.Count > 0)
                    notes.Add($"member {id}: custom field '{settings.CustomFieldLabel}' names unknown access group(s) {string.Join(", ", unknown)}; ignored");
            }
            PlatformMember member;
            try
            {
                member = CobotMapper.ToPlatformMember(membership, location, readAt, extra, plans);
            }
            catch (CobotPayloadException ex)
            {
                notes.MemberUnreadable(id, ex.Message);
                continue;
            }
            yield return member;
        }
        await states.SetStateAsync(connector.Id, CobotConnectionStates.Connected, null, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>
    /// Webhook subscription repair and the custom field. What Cobot refuses here (a 403, a 422, a field without an id,
    /// an outage) is an error of the run, which goes on: members are still read and reconciled. Only a 401 stops it.
    /// </summary>
    public async Task PrepareSyncAsync(Connector connector, SyncNotes notes, CancellationToken cancellationToken)
    {
        var connection = await connections.ForAsync(connector, cancellationToken);
        var settings = CobotConnections.Settings(connector);
        if (urls.IsConfigured)
        {
            await HousekeepAsync(connector, notes, "webhook subscriptions not checked", async () =>
            {
                foreach (var done in await subscriptions.EnsureAsync(connector, connection, cancellationToken))
                    notes.Add(done);
            }, cancellationToken);
        }
        else
        {
            notes.Add("webhook subscriptions not checked: Cobot__PublicBaseUrl is not set");
        }
        if (settings.CustomFieldGroups)
        {
            await HousekeepAsync(connector, notes, $"custom field '{settings.CustomFieldLabel}' not checked", async () =>
            {
                if (await customFields.EnsureAsync(connection, settings.CustomFieldLabel, cancellationToken) is { } created)
                    notes.Add(created);
            }, cancellationToken);
        }
    }

    /// <summary>Cobot memberships name no location: every member is at the connector's first location.</summary>
    public bool MembersAtFirstLocation => true;

    /// <summary>Reads every plan, hidden ones included (the token has <c>read_plans</c>): members can be on hidden plans too.</summary>
    public async Task<PlatformCheck> CheckAsync(Connector connector, CancellationToken cancellationToken)
    {
        if (CobotConnectorSettings.Of(connector) is not { } settings)
            return PlatformCheck.Failed("The connector has no Cobot settings.");
        try
        {
            var connection = await connections.ForAsync(connector, cancellationToken);
            var plans = (await client.ListPlansAsync(connection, cancellationToken))
                .Where(p => p.Id is { Length: > 0 })
                .Select(p => new PlatformPlan(p.Id!, p.Name?.Trim() ?? ""))
                .ToList();
            return new PlatformCheck(true, $"Connected to Cobot space {settings.Subdomain}; it has {plans.Count} plan(s).", plans);
        }
        catch (MissingCredentialsException)
        {
            return PlatformCheck.Failed($"Not connected: open GET /api/connect/cobot/{connector.Id}, or set an accessToken.");
        }
        catch (Exception ex) when (ex is CobotApiException or CobotPayloadException)
        {
            return PlatformCheck.Failed(ex.Message);
        }
    }

    /// <summary>A housekeeping step: what Cobot refuses is an error of the run, except a 401, which stops it.</summary>
    private async Task HousekeepAsync(Connector connector, SyncNotes notes, string what, Func<Task> step, CancellationToken cancellationToken)
    {
        var began = time.GetUtcNow();
        try
        {
            await step();
        }
        catch (CobotApiException ex) when (ex.TokenRejected)
        {
            throw await failures.ToPlatformExceptionAsync(connector, ex, began, cancellationToken);
        }
        catch (Exception ex) when (ex is CobotApiException or CobotPayloadException)
        {
            notes.AddError($"{what}: {ex.Message}");
        }
    }
}
