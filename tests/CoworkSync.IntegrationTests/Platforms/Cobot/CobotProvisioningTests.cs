using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoworkSync.Connectors;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Simulators;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.Platforms.Cobot;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.IntegrationTests.Platforms.Cobot;

/// <summary>Cobot memberships to WiFi accounts: simulator, unsigned webhooks re-fetched, real Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CobotProvisioningTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly CobotWorld _world = new(azurite);

    public async Task InitializeAsync()
    {
        await _world.InitializeAsync();
        await _world.ConnectWithTokenAsync();
    }

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task ConfirmedMembership_Webhook_GivesAnAccountInEveryMappedGroup()
    {
        _world.Cobot.Put(CobotWorld.Member("m-team", "pln_team", confirmed: false));
        var run = await _world.SyncAsync();
        Assert.Equal("succeeded", run.GetProperty("state").GetString());
        var pending = await _world.WaitForMemberAsync("m-team", m => true, "the pending member");
        Assert.Equal("pending", pending.GetProperty("membershipStatus").GetString());
        Assert.Equal(JsonValueKind.Null, pending.GetProperty("account").ValueKind);

        _world.Cobot.Update("m-team", m => m with { ConfirmedAt = DateTimeOffset.UtcNow.AddMinutes(-1) });
        Assert.Equal(HttpStatusCode.Accepted, (await _world.WebhookAsync(_world.Cobot.WebhookBody("m-team"))).StatusCode);

        var member = await _world.WaitForMemberAsync("m-team", m => m.GetProperty("account").ValueKind == JsonValueKind.Object, "the confirmed member's account");
        var account = member.GetProperty("account");
        Assert.True(account.GetProperty("enabled").GetBoolean());
        Assert.Equal(["dedicated", "flex"], account.GetProperty("groups").EnumerateArray().Select(g => g.GetString()).Order());
        Assert.Equal("pln_team", member.GetProperty("plan").GetProperty("id").GetString());
    }

    [Fact]
    public async Task MemberWithoutCobotUser_ButWithEmail_IsProvisioned()
    {
        var email = $"walk-in.{_world.ConnectorId}@example.com";
        _world.Cobot.Put(CobotWorld.Member("m-nouser") with { UserId = null, Email = email });

        await _world.SyncAsync();

        var member = await _world.WaitForMemberAsync("m-nouser", m => m.GetProperty("account").ValueKind == JsonValueKind.Object, "an account for the member without a Cobot user");
        Assert.Equal(email, member.GetProperty("account").GetProperty("username").GetString());
    }

    [Fact]
    public async Task CancellationDateReached_Webhook_DisablesTheAccount()
    {
        _world.Cobot.Put(CobotWorld.Member("m-leaving"));
        await _world.SyncAsync();
        await _world.WaitForMemberAsync("m-leaving", m => m.GetProperty("account").ValueKind == JsonValueKind.Object, "the account");

        var berlinToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_world.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);
        _world.Cobot.Update("m-leaving", m => m with { CanceledTo = berlinToday.AddDays(-1) });
        Assert.Equal(HttpStatusCode.Accepted, (await _world.WebhookAsync(_world.Cobot.WebhookBody("m-leaving"))).StatusCode);

        // The member row is written after the account: wait for it, then the account must already be disabled.
        var member = await _world.WaitForMemberAsync("m-leaving", m => m.GetProperty("membershipStatus").GetString() == "ended", "the ended membership");
        Assert.False(member.GetProperty("account").GetProperty("enabled").GetBoolean());
        Assert.Equal("membership ended", member.GetProperty("account").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task DeletedMembership_CobotSendsTheObject_TheRefetchIsA404_AndTheAccountIsDisabled()
    {
        _world.Cobot.Put(CobotWorld.Member("m-deleted"));
        await _world.SyncAsync();
        await _world.WaitForMemberAsync("m-deleted", m => m.GetProperty("account").ValueKind == JsonValueKind.Object, "the account");

        _world.Cobot.Delete("m-deleted");
        var delivered = await _world.Cobot.DeliverAsync("deleted_membership", "m-deleted", PostToAppAsync);

        Assert.Equal([202], delivered);
        var member = await _world.WaitForMemberAsync("m-deleted", m => m.GetProperty("gone").GetBoolean(), "the member gone");
        Assert.False(member.GetProperty("account").GetProperty("enabled").GetBoolean());
        Assert.Equal(1, _world.Cobot.CountRequests(r => r.Method == "GET" && r.PathAndQuery == "/api/memberships/m-deleted" && r.Status == 404));
    }

    [Fact]
    public async Task ADeletionObject_ForAMembershipCobotStillHas_IsNotTrusted_TheRefetchKeepsTheAccount()
    {
        _world.Cobot.Put(CobotWorld.Member("m-alive"));
        await _world.SyncAsync();
        await _world.WaitForMemberAsync("m-alive", m => m.GetProperty("account").ValueKind == JsonValueKind.Object, "the account");

        var forged = await _world.WebhookAsync(_world.Cobot.WebhookBody("deleted_membership", "m-alive"));

        Assert.Equal(HttpStatusCode.Accepted, forged.StatusCode);
        await _world.WaitForAppliedAsync([(await forged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("eventId").GetString()!]);
        Assert.Equal(1, _world.Cobot.CountRequests(r => r.PathAndQuery == "/api/memberships/m-alive" && r.Status == 200));
        var member = await _world.WaitForMemberAsync("m-alive", m => true, "the member");
        Assert.False(member.GetProperty("gone").GetBoolean());
        Assert.True(member.GetProperty("account").GetProperty("enabled").GetBoolean());
    }

    private async Task<int> PostToAppAsync(string url, string body) =>
        (int)(await _world.App.CreateClient().PostAsync(new Uri(url).PathAndQuery, new StringContent(body, System.Text.Encoding.UTF8, "application/json"))).StatusCode;

    [Theory]
    [InlineData(204, null)]
    [InlineData(200, "null")]
    [InlineData(200, "{\"memberships\":[]}")]
    public async Task AMembershipListThatIsNotAJsonArray_FailsTheRun_AndDeprovisionsNobody(int status, string? body)
    {
        _world.Cobot.Put(CobotWorld.Member("m-kept"));
        await _world.SyncAsync();
        await _world.WaitForMemberAsync("m-kept", m => m.GetProperty("account").ValueKind == JsonValueKind.Object, "the account");

        _world.Cobot.Break("GET", "/api/memberships", status, body);
        var broken = await _world.SyncAsync();

        Assert.Equal("failed", broken.GetProperty("state").GetString());
        Assert.Contains(broken.GetProperty("errors").EnumerateArray(), e => e.GetString()!.Contains("not a JSON array", StringComparison.Ordinal) || e.GetString()!.Contains("documented format", StringComparison.Ordinal));
        var kept = await _world.WaitForMemberAsync("m-kept", m => true, "the member");
        Assert.False(kept.GetProperty("gone").GetBoolean());
        Assert.True(kept.GetProperty("account").GetProperty("enabled").GetBoolean());

        // An empty JSON array is honoured: the space really has nobody now.
        _world.Cobot.Heal();
        _world.Cobot.Delete("m-kept");
        var empty = await _world.SyncAsync();
        Assert.Equal("succeeded", empty.GetProperty("state").GetString());
        var gone = await _world.WaitForMemberAsync("m-kept", m => m.GetProperty("gone").GetBoolean(), "the member gone");
        Assert.False(gone.GetProperty("account").GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task Webhook_WithAForeignUrlOrAWrongToken_EnqueuesNothing()
    {
        _world.Cobot.Put(CobotWorld.Member("m-1"));
        await _world.SyncAsync();
        var token = await _world.CallbackTokenAsync();
        var before = _world.App.Published.Count(e => e.Type == CobotWebhookEvent.Type);

        var foreign = await _world.WebhookAsync("""{"url":"https://evil.example/api/memberships/m-1"}""");
        var otherResource = await _world.WebhookAsync(JsonSerializer.Serialize(new { url = new Uri(_world.Cobot.BaseUrl, "api/invoices/1").ToString() }));
        var wrongToken = await _world.WebhookAsync(_world.Cobot.WebhookBody("m-1"), token: new string('0', token.Length));
        var notJson = await _world.WebhookAsync("url=x");

        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherResource.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongToken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(before, _world.App.Published.Count(e => e.Type == CobotWebhookEvent.Type));
        // The same token and body on the connector's own host is accepted: the refusals above are about what was changed.
        Assert.Equal(HttpStatusCode.Accepted, (await _world.WebhookAsync(_world.Cobot.WebhookBody("m-1"), token)).StatusCode);
    }

    [Fact]
    public async Task Connecting_SubscribesEveryEvent_AndASyncRecreatesADeactivatedOrMissingSubscription()
    {
        // Connecting with the token subscribed every event; a sync then finds nothing to repair.
        Assert.Equal(CobotEvents.Subscribed.Count, _world.Cobot.Subscriptions.Count(s => s.Active));
        var token = await _world.CallbackTokenAsync();
        Assert.All(_world.Cobot.Subscriptions, s => Assert.Equal($"{CobotWorld.PublicBaseUrl}/api/webhooks/cobot/{_world.ConnectorId}/{token}", s.CallbackUrl));
        var first = await _world.SyncAsync();
        Assert.Equal(0, first.GetProperty("notes").GetArrayLength());

        // CoworkSync unreachable for a day: Cobot gives up on the subscription after its retries.
        _world.Cobot.Put(CobotWorld.Member("m-sub"));
        var failed = await _world.Cobot.DeliverAsync("membership_cancellation_date_reached", "m-sub", (_, _) => Task.FromResult(503));
        Assert.Equal(CobotSimulator.FailedDeliveriesBeforeDeactivation, failed.Count);
        Assert.False(_world.Cobot.Subscriptions.Single(s => s.Event == "membership_cancellation_date_reached").Active);
        _world.Cobot.RemoveSubscription("confirmed_membership");
        var repair = await _world.SyncAsync();

        Assert.Equal(CobotEvents.Subscribed.Count, _world.Cobot.Subscriptions.Count);
        Assert.All(_world.Cobot.Subscriptions, s => Assert.True(s.Active, s.Event));
        var notes = repair.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToList();
        Assert.Equal(2, notes.Count);
        Assert.Contains(notes, n => n.Contains("re-created", StringComparison.Ordinal) && n.Contains("membership_cancellation_date_reached", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("missing", StringComparison.Ordinal) && n.Contains("confirmed_membership", StringComparison.Ordinal));

        // Deliveries reach CoworkSync again through the re-created subscription.
        var delivered = await _world.Cobot.DeliverAsync("membership_cancellation_date_reached", "m-sub", async (url, body) =>
            (int)(await _world.App.CreateClient().PostAsync(new Uri(url).PathAndQuery, new StringContent(body, System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal([202], delivered);
    }

    [Fact]
    public async Task RotatingTheCallbackToken_DeletingItAndSyncing_SubscribesANewUrl_AndTheOldTokenIsRefused()
    {
        _world.Cobot.Put(CobotWorld.Member("m-rot"));
        var old = await _world.CallbackTokenAsync();

        // What an operator does in Key Vault (docs/connectors/cobot.md, "Secrets and logs"), then a sync.
        await _world.App.Services.GetRequiredService<ConnectorSecrets>().DeleteAsync(CobotSecretNames.CallbackToken(_world.ConnectorId), CancellationToken.None);
        var run = await _world.SyncAsync();

        var rotated = await _world.CallbackTokenAsync();
        Assert.Equal("succeeded", run.GetProperty("state").GetString());
        Assert.NotEqual(old, rotated);
        var newUrl = $"{CobotWorld.PublicBaseUrl}/api/webhooks/cobot/{_world.ConnectorId}/{rotated}";
        Assert.Equal(CobotEvents.Subscribed.Count, _world.Cobot.Subscriptions.Count(s => s.Active && s.CallbackUrl == newUrl));
        Assert.Equal(HttpStatusCode.Unauthorized, (await _world.WebhookAsync(_world.Cobot.WebhookBody("m-rot"), old)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await _world.WebhookAsync(_world.Cobot.WebhookBody("m-rot"), rotated)).StatusCode);
    }

    [Fact]
    public async Task ASubscriptionCobotAnswers409To_IsNotReportedAsCreated()
    {
        // A list read before another run subscribed: Cobot lists nothing, then has every subscription already.
        _world.Cobot.Break("GET", "/api/subscriptions", 200, "[]");

        var run = await _world.SyncAsync();

        Assert.Equal(CobotEvents.Subscribed.Count, _world.Cobot.CountRequests(r => r.Method == "POST" && r.PathAndQuery == "/api/subscriptions" && r.Status == 409));
        Assert.Equal("succeeded", run.GetProperty("state").GetString());
        Assert.Empty(run.GetProperty("notes").EnumerateArray());
        Assert.Equal(CobotEvents.Subscribed.Count, _world.Cobot.Subscriptions.Count(s => s.Active));
    }

    [Fact]
    public async Task ConnectorTest_SeesEveryPlanIncludingHiddenOnes_AndAMissingWebhookUntilASyncRepairsIt()
    {
        _world.Cobot.RemoveSubscription("confirmed_membership");
        var before = await TestAsync();
        Assert.Contains(before.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "webhooks" && !c.GetProperty("ok").GetBoolean());

        await _world.SyncAsync();
        var after = await TestAsync();

        Assert.True(after.GetProperty("ok").GetBoolean(), after.GetRawText());
        Assert.Contains(after.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == "plans" && c.GetProperty("detail").GetString() == "all 3 plans mapped");
    }

    [Fact]
    public async Task ConnectorTest_ReadsThePlansOnce_AndSpendsNoMembershipListRequest()
    {
        var plansBefore = _world.Cobot.CountRequests(r => r.Method == "GET" && r.PathAndQuery == "/api/plans");
        var listsBefore = _world.Cobot.CountRequests(r => r.Method == "GET" && r.PathAndQuery == "/api/memberships");

        var report = await TestAsync();

        Assert.True(report.GetProperty("ok").GetBoolean(), report.GetRawText());
        var checks = report.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal("all 3 plans mapped", checks["plans"].GetProperty("detail").GetString());
        Assert.True(checks["locations"].GetProperty("ok").GetBoolean());
        Assert.Contains("first location, loc_1", checks["locations"].GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(plansBefore + 1, _world.Cobot.CountRequests(r => r.Method == "GET" && r.PathAndQuery == "/api/plans"));
        Assert.Equal(listsBefore, _world.Cobot.CountRequests(r => r.Method == "GET" && r.PathAndQuery == "/api/memberships"));
        Assert.True(checks["timeZone"].GetProperty("ok").GetBoolean(), checks["timeZone"].GetRawText());
        Assert.Equal($"Cobot space {CobotSimulator.Subdomain} and the first location, loc_1, are both in Europe/Berlin", checks["timeZone"].GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ConnectorTest_ASpaceInAnotherTimeZoneThanTheFirstLocation_FailsTheTimeZoneCheckOnly()
    {
        _world.Cobot.TimeZoneName = "America/New_York";
        var spaceReads = _world.Cobot.CountRequests(r => r.Host == CobotSimHost.Www && r.PathAndQuery == $"/api/spaces/{CobotSimulator.Subdomain}");

        var report = await TestAsync();

        Assert.False(report.GetProperty("ok").GetBoolean());
        var checks = report.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal(["api", "locations", "plans", "timeZone", "webhooks"], checks.Keys.Order(StringComparer.Ordinal));
        Assert.All(checks.Where(c => c.Key != "timeZone"), c => Assert.True(c.Value.GetProperty("ok").GetBoolean(), c.Value.GetRawText()));
        var timeZone = checks["timeZone"];
        Assert.False(timeZone.GetProperty("ok").GetBoolean());
        var detail = timeZone.GetProperty("detail").GetString()!;
        Assert.Contains("is in America/New_York", detail, StringComparison.Ordinal);
        Assert.Contains("loc_1, in Europe/Berlin", detail, StringComparison.Ordinal);
        Assert.Equal(spaceReads + 1, _world.Cobot.CountRequests(r => r.Host == CobotSimHost.Www && r.PathAndQuery == $"/api/spaces/{CobotSimulator.Subdomain}"));

        _world.Cobot.TimeZoneName = "Europe/Berlin";
        var fixedReport = await TestAsync();
        Assert.True(fixedReport.GetProperty("ok").GetBoolean(), fixedReport.GetRawText());
    }

    [Fact]
    public async Task ConnectorTest_ASpaceCobotDoesNotAnswer_FailsTheTimeZoneCheckOnly_SayingWhy()
    {
        _world.Cobot.Break("GET", $"/api/spaces/{CobotSimulator.Subdomain}", 503);

        var report = await TestAsync();

        var checks = report.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.True(checks["api"].GetProperty("ok").GetBoolean());
        Assert.True(checks["plans"].GetProperty("ok").GetBoolean());
        Assert.False(checks["timeZone"].GetProperty("ok").GetBoolean());
        Assert.Contains("503", checks["timeZone"].GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> TestAsync()
    {
        var response = await _world.App.Admin().PostAsync($"/api/admin/connectors/{_world.ConnectorId}/test", null);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task ConnectorState_IsSyncing_WhileARunIsUnderWay()
    {
        _world.Cobot.Hold();
        (await _world.App.Admin().PostAsync($"/api/admin/connectors/{_world.ConnectorId}/sync", null)).EnsureSuccessStatusCode();

        await Eventually.GetAsync(StateAsync, s => s == "syncing", "the syncing state");
        _world.Cobot.Release();
        await Eventually.GetAsync(StateAsync, s => s == "connected", "the connected state after the run");
    }

    private async Task<string?> StateAsync() =>
        (await _world.ConnectorAsync()).GetProperty("cobot").GetProperty("connection").GetProperty("state").GetString();

    [Fact]
    public async Task RevokedToken_ShowsTheConnectorInError_WithTheReason()
    {
        var connected = await _world.ConnectorAsync();
        Assert.Equal("connected", connected.GetProperty("cobot").GetProperty("connection").GetProperty("state").GetString());

        _world.Cobot.RevokeToken(await _world.AccessTokenAsync());
        var run = await _world.SyncAsync();

        Assert.Equal("failed", run.GetProperty("state").GetString());
        var connection = (await _world.ConnectorAsync()).GetProperty("cobot").GetProperty("connection");
        Assert.Equal("error", connection.GetProperty("state").GetString());
        Assert.Contains("401", connection.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }
}
