using System.Text.Json;
using CoworkSync.Administration.Members;
using CoworkSync.Connectors.Seam;
using CoworkSync.Members.Accounts;
using CoworkSync.Members.Records;
using CoworkSync.NetworkAccess;
using Moq;

namespace CoworkSync.UnitTests.Administration.Members;

/// <summary>The member view is a typed record that serializes to the admin API's JSON, every platform's member properties included.</summary>
public sealed class MemberViewsTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static readonly DateTimeOffset At = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private readonly MemberViews _views = new(new PlatformRegistry([Platform("coworks", []), Platform("cobot", ["cobotCheckIn"])]));

    private static readonly MemberRecord Member = new()
    {
        ConnectorId = "berlin",
        Platform = new PlatformMember
        {
            MemberId = "m1", FirstName = "Ada", LastName = "Lovelace", Email = "ada@example.com", Status = MemberStatus.Trial,
            MembershipStatus = MembershipStatus.Active, PlanId = "pln_flex", PlanName = "Flex", UpdatedAt = At, ExtraGroups = "night",
        },
        Username = "ada@example.com",
        LastEventId = "evt_1",
        LastEventAt = At,
    };

    [Fact]
    public void AMember_HasTheAdminApisProperties_InOrder_WithEveryPlatformsPropertyLast()
    {
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(_views.From(Member, null), Web));

        Assert.Equal(
            ["memberId", "connectorId", "firstName", "lastName", "email", "status", "membershipStatus", "plan", "locations", "billingCycleAnchor", "platformUpdatedAt",
             "gone", "reason", "flagged", "usernameNote", "account", "extraGroups", "lastEvent", "lastSync", "cobotCheckIn"],
            json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("trial", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("""{"id":"pln_flex","name":"Flex"}""", json.RootElement.GetProperty("plan").GetRawText());
        Assert.Equal("[]", json.RootElement.GetProperty("locations").GetRawText());
        Assert.Equal("""["night"]""", json.RootElement.GetProperty("extraGroups").GetRawText());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("account").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("cobotCheckIn").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("lastSync").ValueKind);
    }

    [Fact]
    public void AnAccount_ShowsItsUsageInHours_NeverItsPassword()
    {
        var account = new WifiAccount
        {
            Username = "ada@example.com", ConnectorId = "berlin", MemberId = "m1", ProtectedPassword = "secret-cipher", Enabled = false,
            Groups = ["flex"], DisabledReason = "member suspended",
        };
        var usage = new UsageSummary(At, At.AddMonths(1), 5400, 40, 138600, 1);

        var text = JsonSerializer.Serialize(_views.From(Member, account, usage, new Dictionary<string, object?> { ["cobotCheckIn"] = "shown" }), Web);
        using var json = JsonDocument.Parse(text);

        var shown = json.RootElement.GetProperty("account");
        Assert.Equal(["username", "enabled", "groups", "reason", "welcomeEmailQueuedAt", "welcomeEmailSentAt", "usage"], shown.EnumerateObject().Select(p => p.Name));
        Assert.Equal("member suspended", shown.GetProperty("reason").GetString());
        Assert.Equal(1.5, shown.GetProperty("usage").GetProperty("usedHours").GetDouble());
        Assert.Equal(38.5, shown.GetProperty("usage").GetProperty("remainingHours").GetDouble());
        Assert.Equal("shown", json.RootElement.GetProperty("cobotCheckIn").GetString());
        Assert.DoesNotContain("secret-cipher", text, StringComparison.Ordinal);
    }

    private static IPlatform Platform(string name, IReadOnlyList<string> memberProperties)
    {
        var views = new Mock<IPlatformViews>();
        views.SetupGet(v => v.MemberProperties).Returns(memberProperties);
        var platform = new Mock<IPlatform>();
        platform.SetupGet(p => p.Name).Returns(name);
        platform.SetupGet(p => p.Views).Returns(views.Object);
        return platform.Object;
    }
}
