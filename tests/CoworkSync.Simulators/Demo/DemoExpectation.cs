using System.Text.Json;
using CoworkSync.Simulators.Coworks;

namespace CoworkSync.Simulators.Demo;

/// <summary>
/// What the demo waits for before it says it is ready: the account CoworkSync should hold for a member's state in
/// the demo space, read back through the admin API (<c>GET …/members/{id}</c>).
/// </summary>
public sealed record DemoExpectation(string MemberId, bool HasAccount, bool Enabled, IReadOnlyList<string> Groups, string? MemberReason)
{
    public static DemoExpectation For(SimulatedMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var plan = DemoCast.Plans.Single(p => p.Id == member.Membership?.PlanId);
        if (plan.Groups.Count == 0)
            return new(member.Id, HasAccount: false, Enabled: false, [], "plan has no WiFi");
        return member.Status switch
        {
            "suspended" => new(member.Id, HasAccount: true, Enabled: false, [], null),
            "trial" => new(member.Id, HasAccount: true, Enabled: true, [.. plan.Groups, "trial"], null),
            _ => new(member.Id, HasAccount: true, Enabled: true, plan.Groups, null),
        };
    }

    /// <summary>
    /// True when the admin API's member matches: no account (with the reason), or an account enabled as expected
    /// whose welcome email was sent (enabled: in the expected groups).
    /// </summary>
    public bool IsMetBy(JsonElement member)
    {
        if (member.ValueKind != JsonValueKind.Object || !member.TryGetProperty("account", out var account))
            return false;
        if (!HasAccount)
            return account.ValueKind == JsonValueKind.Null && member.GetProperty("reason").GetString() == MemberReason;
        if (account.ValueKind != JsonValueKind.Object || account.GetProperty("enabled").GetBoolean() != Enabled)
            return false;
        if (account.GetProperty("welcomeEmailSentAt").ValueKind == JsonValueKind.Null)
            return false;
        if (!Enabled)
            return true;
        var groups = account.GetProperty("groups").EnumerateArray().Select(g => g.GetString()).Order(StringComparer.Ordinal);
        return groups.SequenceEqual(Groups.Order(StringComparer.Ordinal));
    }
}
