using System.Text.Json;

namespace CoworkSync.IntegrationTests.Demo;

/// <summary>
/// One row of the README's demo members table, in the terms both the README and the admin API can say:
/// <paramref name="Access"/> is the groups (sorted, comma-separated) of an enabled account, else the reason.
/// </summary>
public sealed record DemoMemberRow(string MemberId, string Name, string Plan, string Status, string? Username, bool Enabled, string Access, bool WelcomeEmail)
{
    /// <summary>A member as <c>GET /api/admin/connectors/{connector}/members</c> shows them.</summary>
    public static DemoMemberRow FromAdminApi(JsonElement member)
    {
        var memberId = member.GetProperty("memberId").GetString()!;
        var name = $"{member.GetProperty("firstName").GetString()} {member.GetProperty("lastName").GetString()}";
        var plan = member.GetProperty("plan") is { ValueKind: JsonValueKind.Object } p ? p.GetProperty("name").GetString()! : "none";
        var status = member.GetProperty("status").GetString()!;
        var account = member.GetProperty("account");
        if (account.ValueKind == JsonValueKind.Null)
            return new(memberId, name, plan, status, null, false, member.GetProperty("reason").GetString()!, false);

        var enabled = account.GetProperty("enabled").GetBoolean();
        var access = enabled
            ? Groups(account.GetProperty("groups").EnumerateArray().Select(g => g.GetString()!))
            : account.GetProperty("reason").GetString()!;
        var welcomeEmail = account.GetProperty("welcomeEmailSentAt").ValueKind != JsonValueKind.Null;
        return new(memberId, name, plan, status, account.GetProperty("username").GetString(), enabled, access, welcomeEmail);
    }

    public static string Groups(IEnumerable<string> groups) => string.Join(", ", groups.Order(StringComparer.Ordinal));
}
