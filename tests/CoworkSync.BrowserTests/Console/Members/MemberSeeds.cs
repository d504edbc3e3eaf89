using CoworkSync.BrowserTests.Infrastructure;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Members.Accounts;
using CoworkSync.Members.Provisioning;
using CoworkSync.Members.Records;
using CoworkSync.NetworkAccess;
using CoworkSync.Platforms.Cobot;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.BrowserTests.Console.Members;

/// <summary>Members of the site's Coworks connector, put in place as a sync would (the reconciler), each test its own.</summary>
internal sealed class MemberSeeds(ConsoleSite site)
{
    private static readonly DateTimeOffset Seen = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    public string Id(string name) => $"mem_{name}_{_run}";

    public string Email(string name) => $"{name}.{_run}@example.com";

    /// <summary>An active member on <paramref name="plan"/> at Mitte (their WiFi account created).</summary>
    public async Task<string> ActiveAsync(string name, string first, string last, string plan = "Flex")
    {
        await ReconcileAsync(Member(name, first, last, plan, MemberStatus.Active, Seen));
        return Id(name);
    }

    /// <summary>A member whose account exists and whose platform then suspended them.</summary>
    public async Task<string> SuspendedAsync(string name, string first, string last)
    {
        await ReconcileAsync(Member(name, first, last, "Flex", MemberStatus.Active, Seen));
        await ReconcileAsync(Member(name, first, last, "Flex", MemberStatus.Suspended, Seen.AddHours(1)));
        return Id(name);
    }

    /// <summary>
    /// An active Flex member of the site's Cobot connector with a check-in on <paramref name="checkedInAt"/>, as Cobot's
    /// check-in handler records it.
    /// </summary>
    public async Task<string> CobotMemberCheckedInAsync(string name, string first, string last, DateTimeOffset checkedInAt)
    {
        await ReconcileAsync(Member(name, first, last, "Flex", MemberStatus.Active, Seen), ConsoleSite.CobotConnector);
        await site.App.Services.GetRequiredService<CobotCheckInStore>().SaveAsync(ConsoleSite.CobotConnector, Id(name),
            new CobotCheckInRecord(null, DateOnly.FromDateTime(checkedInAt.UtcDateTime), checkedInAt, null, null, null), CancellationToken.None);
        return Id(name);
    }

    /// <summary>Writes <paramref name="hours"/> used (a closed session) into the member's cycle that contains <paramref name="at"/>.</summary>
    public async Task UseHoursAsync(string memberId, double hours, DateTimeOffset at)
    {
        var services = site.App.Services;
        var member = (await services.GetRequiredService<MemberStore>().GetAsync(ConsoleSite.CoworksConnector, memberId, CancellationToken.None))!;
        var account = (await services.GetRequiredService<AccountStore>().GetAsync(member.Username!, CancellationToken.None))!;
        var connector = await services.GetRequiredService<ConnectorStore>().GetAsync(ConsoleSite.CoworksConnector, CancellationToken.None);
        var cycle = AuthorizeDecision.CycleOf(account, connector, at);
        var usage = services.GetRequiredService<UsageStore>();
        var current = await usage.GetAsync(account.Username, cycle.Key, CancellationToken.None);
        await usage.WriteAsync(account.Username, cycle.Key, new Dictionary<string, SessionUsage>
        {
            ["sess-used-" + _run] = new((long)(hours * 3600), false, "mitte-ap-1", cycle.Start.AddHours(1), "AA-BB-CC-DD-EE-01"),
        }, current.ETag, CancellationToken.None);
    }

    private Task ReconcileAsync(PlatformMember member, string connectorId = ConsoleSite.CoworksConnector) =>
        site.App.Services.GetRequiredService<MemberReconciler>().ReconcileAsync(
            new ReconcileRequest(connectorId, member, new ConnectorSettings(), PlanMapping.Defaults, SyncRunId: "run_" + _run), CancellationToken.None);

    private PlatformMember Member(string name, string first, string last, string plan, MemberStatus status, DateTimeOffset at) => new()
    {
        MemberId = Id(name),
        FirstName = first,
        LastName = last,
        Email = Email(name),
        Status = status,
        MembershipStatus = MembershipStatus.Active,
        PlanId = "pln_" + plan.ToLowerInvariant(),
        PlanName = plan,
        LocationId = "loc_mitte",
        UpdatedAt = at,
    };
}
