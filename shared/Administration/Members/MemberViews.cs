using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Members.Accounts;
using CoworkSync.Members.Records;
using CoworkSync.NetworkAccess;

namespace CoworkSync.Administration.Members;

/// <summary>Builds <see cref="MemberView"/>s: the account, its usage, and for one member the platform's properties.</summary>
public sealed class MemberViews(PlatformRegistry platforms)
{
    /// <param name="member">The member.</param>
    /// <param name="account">The member's account, if any.</param>
    /// <param name="usage">The account's usage, when shown.</param>
    /// <param name="platformProperties">The platform's member properties, for one member's view; every registered platform's others are null.</param>
    public MemberView From(MemberRecord member, WifiAccount? account, UsageSummary? usage = null, IReadOnlyDictionary<string, object?>? platformProperties = null)
    {
        ArgumentNullException.ThrowIfNull(member);
        var p = member.Platform;
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var platform in platforms.All)
        {
            foreach (var name in platform.Views.MemberProperties)
                properties[name] = platformProperties?.GetValueOrDefault(name);
        }
        return new MemberView(
            p.MemberId,
            member.ConnectorId,
            p.FirstName,
            p.LastName,
            p.Email,
            p.Status.ToString().ToLowerInvariant(),
            p.MembershipStatus.ToString().ToLowerInvariant(),
            p.PlanId is null && p.PlanName is null ? null : new PlanView(p.PlanId, p.PlanName),
            p.LocationId is null ? [] : [p.LocationId],
            p.BillingCycleAnchor,
            p.UpdatedAt,
            member.Gone,
            member.Reason,
            member.Flagged,
            member.UsernameNote,
            account is null ? null : new AccountView(account.Username, account.Enabled, account.Groups, account.DisabledReason,
                account.WelcomeEmailQueuedAt, account.WelcomeEmailSentAt, usage is null ? null : Usage(usage)),
            p.ExtraGroupIds,
            member.LastEventId is null ? null : new LastEventView(member.LastEventId, member.LastEventAt),
            member.LastSyncRunId is null ? null : new LastSyncView(member.LastSyncRunId, member.LastSyncAt))
        {
            PlatformProperties = properties,
        };
    }

    /// <summary>The properties the member's platform adds to one member's view; none when the connector is gone.</summary>
    public async Task<IReadOnlyDictionary<string, object?>> PlatformPropertiesAsync(Connector? connector, string memberId, CancellationToken cancellationToken) =>
        connector is not null && platforms.Find(connector.Platform) is { } platform
            ? await platform.Views.MemberPropertiesAsync(connector, memberId, cancellationToken)
            : new Dictionary<string, object?>();

    private static UsageView Usage(UsageSummary usage) => new(
        usage.CycleStart, usage.CycleEnd, Hours(usage.UsedSeconds), usage.HoursPerCycle, usage.RemainingSeconds is { } left ? Hours(left) : null, usage.OpenSessions);

    private static double Hours(long seconds) => Math.Round(seconds / 3600.0, 2);
}
