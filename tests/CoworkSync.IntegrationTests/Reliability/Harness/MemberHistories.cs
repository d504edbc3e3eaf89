using System.Text.Json;
using CoworkSync.Platforms.Coworks;
using CoworkSync.Simulators.Coworks;

namespace CoworkSync.IntegrationTests.Reliability.Harness;

/// <summary>One state of a member at Coworks, and the webhook that tells it.</summary>
/// <param name="Version">The member's <c>updated_at</c> and the event's <c>created_at</c>: later states have later versions.</param>
public sealed record MemberState(string EventId, string EventType, SimulatedMember Member, DateTimeOffset Version);

/// <summary>
/// Members and the ordered history of each at Coworks, as webhooks; and the access an ordered, single delivery of
/// every history gives, from <see cref="ExpectedAccount"/>: an independent model of the few states the scenarios
/// use, not the product's <c>AccessPolicy</c>, so a defect in the policy or in the order handling shows up rather than
/// being repeated by the expectation. It compares access, as the product promises it (provisioning is reconciliation
/// to the newest state): a member whose newest state is suspended has no access, by a disabled account when an
/// active state was applied first, or by none when the suspension came first and the older states were stale.
/// </summary>
public sealed class MemberHistories
{
    private static readonly (string Id, string Name, string Group)[] Plans =
    [
        ("pln_flex", "Flex", "flex"),
        ("pln_full", "Full-time", "fulltime"),
        ("pln_dedicated", "Dedicated", "dedicated"),
    ];

    private MemberHistories(IReadOnlyDictionary<string, IReadOnlyList<MemberState>> histories) => Histories = histories;

    public IReadOnlyDictionary<string, IReadOnlyList<MemberState>> Histories { get; }

    public IEnumerable<MemberState> All => Histories.Values.SelectMany(h => h);

    /// <summary>
    /// <paramref name="members"/> members of <paramref name="statesEach"/> states each: created active on a plan, then
    /// plan changes, suspensions and reinstatements chosen by <paramref name="seed"/>; versions a minute apart, in the past.
    /// </summary>
    public static MemberHistories Generate(string prefix, int members, int statesEach, int seed)
    {
        var random = new Random(seed);
        var start = DateTimeOffset.UtcNow.AddHours(-2);
        var histories = new Dictionary<string, IReadOnlyList<MemberState>>(StringComparer.Ordinal);
        for (var m = 0; m < members; m++)
        {
            var memberId = $"mem_{prefix}_{m:D3}";
            var states = new List<MemberState>();
            var plan = Plans[random.Next(Plans.Length)];
            var status = "active";
            for (var v = 0; v < statesEach; v++)
            {
                if (v > 0)
                {
                    if (random.Next(3) == 0)
                        status = status == "active" ? "suspended" : "active";
                    else
                        plan = Plans[(Array.IndexOf(Plans, plan) + 1 + random.Next(Plans.Length - 1)) % Plans.Length];
                }
                var version = start.AddMinutes((m * statesEach) + v);
                var member = new SimulatedMember
                {
                    Id = memberId,
                    FirstName = "Member",
                    LastName = m.ToString("D3", System.Globalization.CultureInfo.InvariantCulture),
                    Email = $"{memberId}@example.com",
                    Status = status,
                    UpdatedAt = version,
                    Membership = new SimulatedMembership { Id = "ms_" + memberId, PlanId = plan.Id, PlanName = plan.Name },
                };
                states.Add(new MemberState($"evt_{memberId}_v{v}", v == 0 ? CoworksEventTypes.MemberCreated : CoworksEventTypes.MemberUpdated, member, version));
            }
            histories[memberId] = states;
        }
        return new MemberHistories(histories);
    }

    /// <summary>The signed webhook of a state, signed now.</summary>
    public static CoworksWebhookRequest Webhook(MemberState state, string spaceId, string secret) =>
        CoworksWebhooks.Build(spaceId, state.EventType, state.Member, secret, signedAt: DateTimeOffset.UtcNow, eventId: state.EventId, createdAt: state.Version);

    /// <summary>The account an ordered, single delivery of the member's history leaves: its newest state decides.</summary>
    public ExpectedAccount Expected(string memberId)
    {
        var newest = Histories[memberId].MaxBy(s => s.Version)!.Member;
        var enabled = newest.Status is "active" or "trial";
        var group = Plans.Single(p => p.Id == newest.Membership!.PlanId).Group;
        return new ExpectedAccount(newest.Email!.ToLowerInvariant(), enabled, enabled ? [group] : null);
    }

    /// <summary>Differences between the member as the admin API shows them and <see cref="Expected"/>; empty when equal.</summary>
    public IReadOnlyList<string> Compare(string memberId, JsonElement view)
    {
        var expected = Expected(memberId);
        var problems = new List<string>();
        if (view.ValueKind != JsonValueKind.Object)
            return [$"member {memberId}: not stored; expected {expected}"];
        if (!view.TryGetProperty("account", out var account) || account.ValueKind != JsonValueKind.Object)
            return expected.Enabled ? [$"member {memberId}: no account; expected {expected}"] : [];
        var username = account.GetProperty("username").GetString();
        var enabled = account.GetProperty("enabled").GetBoolean();
        var groups = account.GetProperty("groups").EnumerateArray().Select(g => g.GetString()!).ToArray();
        if (username != expected.Username)
            problems.Add($"member {memberId}: user name {username}, expected {expected.Username}");
        if (enabled != expected.Enabled)
            problems.Add($"member {memberId}: enabled {enabled}, expected {expected.Enabled} (newest state {Histories[memberId].MaxBy(s => s.Version)!.EventId})");
        if (expected.Groups is { } want && !groups.SequenceEqual(want, StringComparer.Ordinal))
            problems.Add($"member {memberId}: groups [{string.Join(",", groups)}], expected [{string.Join(",", want)}] (newest state {Histories[memberId].MaxBy(s => s.Version)!.EventId})");
        return problems;
    }
}

/// <summary>
/// An account as the model expects it. Disabled: the account may also be absent (no access either way), and
/// <paramref name="Groups"/> is null, not checked (a disabled account keeps its last groups).
/// </summary>
public sealed record ExpectedAccount(string Username, bool Enabled, IReadOnlyList<string>? Groups)
{
    public override string ToString() => $"{Username}, {(Enabled ? "enabled" : "disabled")}" + (Groups is null ? "" : $", [{string.Join(",", Groups)}]");
}
