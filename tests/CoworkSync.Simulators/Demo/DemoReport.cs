using System.Text.Json;

namespace CoworkSync.Simulators.Demo;

/// <summary>Prints the demo members as the admin API shows them: plan, status, account, groups or reason.</summary>
public static class DemoReport
{
    public static void PrintMembers(TextWriter output, IEnumerable<JsonElement> members)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(members);
        output.WriteLine();
        output.WriteLine("Demo members, as CoworkSync holds them (GET /api/admin/connectors/{connector}/members):");
        output.WriteLine($"  {"member",-12} {"name",-18} {"plan",-10} {"status",-10} {"WiFi account",-31} {"state",-9} groups / reason");
        foreach (var m in members)
        {
            if (m.ValueKind != JsonValueKind.Object)
                continue;
            var name = $"{m.GetProperty("firstName").GetString()} {m.GetProperty("lastName").GetString()}";
            var plan = m.GetProperty("plan") is { ValueKind: JsonValueKind.Object } p ? p.GetProperty("name").GetString() : "-";
            var account = m.GetProperty("account");
            var (username, state, detail) = account.ValueKind == JsonValueKind.Object
                ? (account.GetProperty("username").GetString(),
                   account.GetProperty("enabled").GetBoolean() ? "enabled" : "disabled",
                   account.GetProperty("enabled").GetBoolean()
                       ? string.Join(", ", account.GetProperty("groups").EnumerateArray().Select(g => g.GetString()))
                       : $"({account.GetProperty("reason").GetString()})")
                : ("(none)", "-", $"({m.GetProperty("reason").GetString()})");
            output.WriteLine($"  {m.GetProperty("memberId").GetString(),-12} {name,-18} {plan,-10} {m.GetProperty("status").GetString(),-10} {username,-31} {state,-9} {detail}");
        }
        output.WriteLine();
    }
}
