using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.Members.Accounts;
using CoworkSync.Members.Records;
using CoworkSync.Members.WelcomeEmails;
using CoworkSync.Platforms.Coworks;
using CoworkSync.Simulators.Coworks;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.IntegrationTests.Platforms.Coworks;

/// <summary>Coworks members to WiFi accounts end to end: simulator, signed webhooks, real Azurite and a real SMTP sink.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CoworksProvisioningTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly CoworksWorld _world = new(azurite);

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task MemberJoins_WebhookGivesAnEnabledAccountInThePlansGroup_AndAnEmailWithWorkingCredentials()
    {
        var member = NewMember();
        _world.Space.AddMembers(member);

        var response = await _world.SendWebhookAsync(CoworksEventTypes.MemberCreated, member);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var stored = await _world.WaitForMemberAsync(member.Id, m => m.GetProperty("account").ValueKind == JsonValueKind.Object, "the member's account");
        var account = stored.GetProperty("account");
        Assert.True(account.GetProperty("enabled").GetBoolean());
        Assert.Equal(["flex"], account.GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(member.Email, account.GetProperty("username").GetString());
        Assert.DoesNotContain("password", stored.GetRawText(), StringComparison.OrdinalIgnoreCase);

        var mail = await _world.Mail.WaitForMessageToAsync(member.Email!, TimeSpan.FromSeconds(30));
        var text = mail.TextBody ?? "";
        var username = Line(text, "Username: ");
        var password = Line(text, "Password: ");
        Assert.Equal(member.Email, username);
        Assert.Contains("Mitte-Members", text, StringComparison.Ordinal);
        var accountRecord = await _world.App.Services.GetRequiredService<AccountStore>().GetAsync(username, CancellationToken.None);
        var storedPassword = await _world.App.Services.GetRequiredService<IPasswordProtector>().UnprotectAsync(accountRecord!.ProtectedPassword, username, CancellationToken.None);
        Assert.Equal(storedPassword, password);
    }

    [Fact]
    public async Task MembershipEnded_DisablesTheAccount()
    {
        var member = await JoinAsync(NewMember());

        var ended = _world.Space.UpdateMember(member.Id, m => m with { Membership = m.Membership! with { Status = "ended", EndsOn = new DateOnly(2026, 11, 30) } });
        await _world.SendWebhookAsync(CoworksEventTypes.MembershipEnded, ended);

        var stored = await _world.WaitForMemberAsync(member.Id, m => !m.GetProperty("account").GetProperty("enabled").GetBoolean(), "the account to be disabled");
        Assert.Equal(AccessReasons.MembershipEnded, stored.GetProperty("account").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task PlanChanged_ChangesTheGroup()
    {
        var member = await JoinAsync(NewMember());

        var changed = _world.Space.UpdateMember(member.Id, m => m with { Membership = m.Membership! with { PlanId = "pln_dedicated", PlanName = "Dedicated" } });
        await _world.SendWebhookAsync(CoworksEventTypes.MemberUpdated, changed);

        await _world.WaitForMemberAsync(member.Id, m => Groups(m).SequenceEqual(["dedicated"]), "the dedicated group");
    }

    [Fact]
    public async Task VirtualPlan_GetsNoAccount_AndAnUnmappedPlanIsSkippedWithItsReason()
    {
        var virtualMember = NewMember(plan: ("pln_virtual", "Virtual"));
        var unmapped = NewMember(plan: ("pln_night", "Night Owl"));
        _world.Space.AddMembers(virtualMember, unmapped);

        await _world.SendWebhookAsync(CoworksEventTypes.MemberCreated, virtualMember);
        await _world.SendWebhookAsync(CoworksEventTypes.MemberCreated, unmapped);

        var v = await _world.WaitForMemberAsync(virtualMember.Id, _ => true, "the virtual member");
        var u = await _world.WaitForMemberAsync(unmapped.Id, _ => true, "the unmapped member");
        Assert.Equal(JsonValueKind.Null, v.GetProperty("account").ValueKind);
        Assert.Equal(AccessReasons.PlanWithoutWifi, v.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, u.GetProperty("account").ValueKind);
        Assert.Equal(AccessReasons.PlanNotMapped, u.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task AutoProvisionOff_NoAccountUntilAnOperatorCreatesOne()
    {
        await _world.ConnectAsync(_world.ConnectorId, autoProvision: false);
        var member = NewMember();
        _world.Space.AddMembers(member);

        await _world.SendWebhookAsync(CoworksEventTypes.MemberCreated, member);
        var recorded = await _world.WaitForMemberAsync(member.Id, _ => true, "the member to be recorded");
        Assert.Equal(JsonValueKind.Null, recorded.GetProperty("account").ValueKind);
        Assert.Equal(AccessReasons.AutoProvisionOff, recorded.GetProperty("reason").GetString());

        var created = await _world.App.Admin().PostAsJsonAsync($"/api/admin/connectors/{_world.ConnectorId}/members/{member.Id}/account", new { });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var stored = await _world.MemberAsync(member.Id);
        Assert.True(stored.GetProperty("account").GetProperty("enabled").GetBoolean());
        await _world.Mail.WaitForMessageToAsync(member.Email!, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task SameWebhookThreeTimes_IsAcceptedOnceAndAppliedOnce()
    {
        var member = NewMember();
        _world.Space.AddMembers(member);
        var webhook = CoworksWebhooks.Build(CoworksWorld.SpaceId, CoworksEventTypes.MemberCreated, member, CoworksWorld.WebhookSecret);

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            answers.Add((await _world.App.CreateClient().SendAsync(webhook.ToRequest(_world.ConnectorId))).StatusCode);

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.OK, HttpStatusCode.OK], answers);
        Assert.Single(_world.App.Published, e => e.Id == webhook.EventId);
        await _world.WaitForMemberAsync(member.Id, m => m.GetProperty("account").ValueKind == JsonValueKind.Object, "the account");
        await _world.Mail.WaitForMessageToAsync(member.Email!, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(await _world.Mail.ReadMessagesAsync(), m => m.To.Mailboxes.Any(a => a.Address == member.Email));
    }

    [Theory]
    [InlineData(7)]
    [InlineData(11)]
    [InlineData(23)]
    public async Task WebhooksInAnyOrder_EndInTheSameStateAsOneOrderedDelivery(int seed)
    {
        var random = new Random(seed);
        var members = Enumerable.Range(0, 5).Select(_ => NewMember()).ToList();
        var finals = new Dictionary<string, string[]>();
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-10);
        var deliveries = new List<CoworksWebhookRequest>();
        foreach (var member in members)
        {
            SimulatedMember[] history =
            [
                member with { UpdatedAt = t0 },
                member with { UpdatedAt = t0.AddMinutes(1), Membership = member.Membership! with { PlanId = "pln_dedicated", PlanName = "Dedicated" } },
                member with { UpdatedAt = t0.AddMinutes(2), Status = "suspended" },
                member with { UpdatedAt = t0.AddMinutes(3), Status = "trial", Membership = member.Membership! with { PlanId = "pln_full", PlanName = "Full-time" } },
            ];
            finals[member.Id] = ["fulltime", "trial"];
            _world.Space.AddMembers(history[^1]);
            var webhooks = history.Select((state, i) =>
                CoworksWebhooks.Build(CoworksWorld.SpaceId, CoworksEventTypes.MemberUpdated, state, CoworksWorld.WebhookSecret, signedAt: DateTimeOffset.UtcNow.AddSeconds(-60 + i))).ToList();
            deliveries.AddRange(webhooks.Concat(webhooks.Take(2)));
        }

        foreach (var webhook in deliveries.OrderBy(_ => random.Next()))
            await _world.App.CreateClient().SendAsync(webhook.ToRequest(_world.ConnectorId));

        foreach (var member in members)
        {
            var stored = await _world.WaitForMemberAsync(member.Id, m => m.GetProperty("account").ValueKind == JsonValueKind.Object
                && Groups(m).SequenceEqual(finals[member.Id]) && m.GetProperty("status").GetString() == "trial", $"{member.Id}'s final state");
            Assert.True(stored.GetProperty("account").GetProperty("enabled").GetBoolean(), stored.GetRawText());
        }
    }

    [Fact]
    public async Task SyncRepairsDrift_AndItsCountsSaySo()
    {
        var member = await JoinAsync(NewMember());
        var other = NewMember();
        _world.Space.AddMembers(other);
        _world.Space.UpdateMember(member.Id, m => m with { Status = "suspended" });

        var run = await _world.SyncAsync();

        Assert.Equal("succeeded", run.GetProperty("state").GetString());
        var counts = run.GetProperty("counts");
        Assert.Equal(1, counts.GetProperty("disabled").GetInt32());
        Assert.Equal(1, counts.GetProperty("created").GetInt32());
        var stored = await _world.MemberAsync(member.Id);
        Assert.False(stored.GetProperty("account").GetProperty("enabled").GetBoolean());
        Assert.Equal(AccessReasons.MemberSuspended, stored.GetProperty("account").GetProperty("reason").GetString());
        Assert.True((await _world.MemberAsync(other.Id)).GetProperty("account").GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task SyncDeprovisionsMembersWhoDisappeared()
    {
        var member = await JoinAsync(NewMember());
        _world.Space.RemoveMember(member.Id);

        var run = await _world.SyncAsync();

        Assert.Equal(1, run.GetProperty("counts").GetProperty("gone").GetInt32());
        var stored = await _world.MemberAsync(member.Id);
        Assert.True(stored.GetProperty("gone").GetBoolean());
        Assert.False(stored.GetProperty("account").GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task SyncSurvivesThrottlingAndServerErrors_WithNothingLost()
    {
        var members = Enumerable.Range(0, 120).Select(_ => NewMember()).ToList();
        _world.Space.AddMembers(members);
        _world.Coworks.ThrottleNext(2, "1");
        _world.Coworks.FailNext(1);

        var run = await _world.SyncAsync();

        Assert.Equal("succeeded", run.GetProperty("state").GetString());
        Assert.Equal(120, run.GetProperty("counts").GetProperty("created").GetInt32());
        var list = await _world.App.GetJsonAsync($"/api/admin/connectors/{_world.ConnectorId}/members");
        Assert.Equal(120, list.GetProperty("items").EnumerateArray().Count(m => m.GetProperty("account").ValueKind == JsonValueKind.Object));
        // The 120 welcome emails went out as batches of at most ConnectorSyncHandler.WelcomeEmailBatchSize.
        Assert.Equal([100, 20], _world.App.Services.GetRequiredService<RecordingPublisher>().BatchesOf(WelcomeEmailEvent.Type));
    }

    [Fact]
    public async Task BadWebhooks_GetTheirCodes_AndEnqueueNothing()
    {
        var member = NewMember();
        var good = CoworksWebhooks.Build(CoworksWorld.SpaceId, CoworksEventTypes.MemberCreated, member, CoworksWorld.WebhookSecret);
        var client = _world.App.CreateClient();
        var url = $"/api/webhooks/coworks/{_world.ConnectorId}";

        var wrongSecret = CoworksWebhooks.Build(CoworksWorld.SpaceId, CoworksEventTypes.MemberCreated, member, "whsec_someone_else_entirely");
        var stale = CoworksWebhooks.Build(CoworksWorld.SpaceId, CoworksEventTypes.MemberCreated, member, CoworksWorld.WebhookSecret, signedAt: DateTimeOffset.UtcNow.AddMinutes(-10));
        var otherSpace = CoworksWebhooks.Build("spc_other", CoworksEventTypes.MemberCreated, member, CoworksWorld.WebhookSecret);
        var malformedBody = "{\"id\":\"evt_x\",\"type\":"u8.ToArray();
        var huge = new byte[300 * 1024];

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(wrongSecret.ToRequest(_world.ConnectorId))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(stale.ToRequest(_world.ConnectorId))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync(url, new ByteArrayContent(good.Body))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(otherSpace.ToRequest(_world.ConnectorId))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(Signed(url, malformedBody))).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await client.SendAsync(Signed(url, huge))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(good.ToRequest("no-such-connector"))).StatusCode);

        Assert.DoesNotContain(_world.App.Published, e => e.ConnectorId == _world.ConnectorId);
    }

    private static HttpRequestMessage Signed(string url, byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Headers.Add(CoworksSignature.HeaderName, CoworksSignature.Sign(body, CoworksWorld.WebhookSecret, DateTimeOffset.UtcNow));
        return request;
    }

    private async Task<SimulatedMember> JoinAsync(SimulatedMember member)
    {
        _world.Space.AddMembers(member);
        await _world.SendWebhookAsync(CoworksEventTypes.MemberCreated, member);
        await _world.WaitForMemberAsync(member.Id, m => m.GetProperty("account").ValueKind == JsonValueKind.Object && m.GetProperty("account").GetProperty("enabled").GetBoolean(), "the account");
        return member;
    }

    private static SimulatedMember NewMember((string Id, string Name)? plan = null)
    {
        var id = "mem_" + Guid.NewGuid().ToString("N")[..12];
        var member = SimulatedMember.Active(id, plan?.Id ?? "pln_flex", plan?.Name ?? "Flex");
        return member with { UpdatedAt = DateTimeOffset.UtcNow.AddSeconds(-30) };
    }

    private static IEnumerable<string?> Groups(JsonElement member) =>
        member.GetProperty("account").ValueKind == JsonValueKind.Object
            ? member.GetProperty("account").GetProperty("groups").EnumerateArray().Select(g => g.GetString())
            : [];

    private static string Line(string text, string prefix) =>
        text.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..];
}
