using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support;

namespace CoworkSync.IntegrationTests.Platforms.Acme;

/// <summary>
/// The seam is real: Acme, a platform only the tests know, is connected, given its secret, sends its webhooks, is
/// synced, and its members get their accounts, all through the same admin API and the real event pipeline (the local
/// queue on Azurite) that serve Coworks and Cobot.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AcmePlatformTests(AzuriteFixture azurite) : IDisposable
{
    private const string SigningKey = "acme-signing-key-0123456789";
    private readonly AcmeDirectory _acme = new();
    private readonly string _connectorId = "acme-" + Guid.NewGuid().ToString("N")[..10];
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];
    private LocalFunctionApp? _app;

    private LocalFunctionApp App => _app ??= new LocalFunctionApp(azurite.ConnectionString, new Dictionary<string, string?> { ["AzureWebJobs.PollCoworks.Disabled"] = "true", ["AzureWebJobs.PollCobot.Disabled"] = "true" })
    {
        ConfigureServices = services => services.AddAcme(_acme),
    };

    private AcmeSite Site => _acme.Site("site-1");

    [Fact]
    public async Task AnAcmeConnector_IsConfiguredAndShown_WithItsSectionAndItsSecretsStatus()
    {
        var created = await PutConnectorAsync(new { siteCode = "site-1" });
        var replaced = await PutConnectorAsync(new { siteCode = "site-1" });
        var shortKey = await App.Admin().PutAsJsonAsync($"/api/admin/connectors/{_connectorId}/secrets", new { signingKey = "short" });
        var before = await App.GetJsonAsync($"/api/admin/connectors/{_connectorId}");
        var secret = await App.Admin().PutAsJsonAsync($"/api/admin/connectors/{_connectorId}/secrets", new { signingKey = SigningKey });
        var after = await App.GetJsonAsync($"/api/admin/connectors/{_connectorId}");
        var all = await App.GetJsonAsync("/api/admin/connectors");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var view = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("acme", view.GetProperty("platform").GetString());
        Assert.Equal("site-1", view.GetProperty("acme").GetProperty("siteCode").GetString());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("coworks").ValueKind);
        Assert.Equal(JsonValueKind.Null, view.GetProperty("cobot").ValueKind);
        Assert.Equal(30, view.GetProperty("settings").GetProperty("syncIntervalMinutes").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, shortKey.StatusCode);
        Assert.Equal("signingKey", (await shortKey.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        Assert.Equal("missing", before.GetProperty("secrets").GetProperty("signingKey").GetString());
        Assert.Equal(HttpStatusCode.NoContent, secret.StatusCode);
        Assert.Equal("set", after.GetProperty("secrets").GetProperty("signingKey").GetString());
        Assert.DoesNotContain(SigningKey, after.GetRawText(), StringComparison.Ordinal);
        Assert.Contains(all.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetString() == _connectorId);
    }

    [Fact]
    public async Task AnAcmeSection_IsValidatedByAcme_AndTheUnknownPlatformsAnswer_NamesAcme()
    {
        var badSite = await PutConnectorAsync(new { siteCode = "nowhere" });
        var tooSlow = await App.Admin().PutAsJsonAsync($"/api/admin/connectors/{_connectorId}", new
        {
            platform = "acme", displayName = "Acme", locations = Locations, acme = new { siteCode = "site-1" }, settings = new { syncIntervalMinutes = 240 },
        });
        var unknown = await App.Admin().PutAsJsonAsync($"/api/admin/connectors/{_connectorId}", new { platform = "wework", displayName = "X", locations = Locations });

        Assert.Equal("acme.siteCode", (await badSite.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        Assert.Equal("settings.syncIntervalMinutes", (await tooSlow.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        var problem = await unknown.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("platform", problem.GetProperty("field").GetString());
        Assert.Equal("must be \"coworks\", \"cobot\" or \"acme\"", problem.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task AnAcmeWebhook_VerifiedByItsOwnRule_ProvisionsTheMember_ThroughTheEventPipeline()
    {
        await ConnectAsync();
        var member = Site.Put(new AcmeMember("m-1", "Ada Lovelace", Email("ada"), Active: true, "Flex", "B-1", DateTimeOffset.UtcNow));

        var accepted = await SendWebhookAsync("evt-1-" + _suffix, member.Id);
        var shown = await Eventually.GetAsync(() => MemberAsync(member.Id), m => m?.GetProperty("account").ValueKind == JsonValueKind.Object, "the Acme member's account");
        var repeated = await SendWebhookAsync("evt-1-" + _suffix, member.Id);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("evt-1-" + _suffix, (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("eventId").GetString());
        var account = shown!.Value.GetProperty("account");
        Assert.Equal(member.Email, account.GetProperty("username").GetString());
        Assert.True(account.GetProperty("enabled").GetBoolean());
        Assert.Equal(["flex"], account.GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal("B-1", shown.Value.GetProperty("acmeBadge").GetString());
        Assert.Equal(JsonValueKind.Null, shown.Value.GetProperty("cobotCheckIn").ValueKind);
        Assert.Equal("evt-1-" + _suffix, shown.Value.GetProperty("lastEvent").GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
    }

    [Fact]
    public async Task AnAcmeWebhook_NotVerifiedOrUnreadableOrForAnotherConnector_IsRefused_AndNothingIsQueued()
    {
        await ConnectAsync();
        var coworks = await App.Admin().PutAsJsonAsync($"/api/admin/connectors/{_connectorId}-cw", new
        {
            platform = "coworks", displayName = "Coworks", locations = Locations, coworks = new { apiBaseUrl = "http://127.0.0.1:9", spaceId = "spc_1" },
        });
        coworks.EnsureSuccessStatusCode();
        var body = Encoding.UTF8.GetBytes($$"""{"eventId":"evt-x-{{_suffix}}","memberId":"m-1"}""");

        var forged = await PostAsync($"/api/webhooks/acme/{_connectorId}", body, "0000");
        var unsigned = await PostAsync($"/api/webhooks/acme/{_connectorId}", body, null);
        var unreadable = await PostAsync($"/api/webhooks/acme/{_connectorId}", "{}"u8.ToArray(), AcmeWebhookReceiver.Sign("{}"u8.ToArray(), SigningKey));
        var anotherPlatforms = await PostAsync($"/api/webhooks/acme/{_connectorId}-cw", body, AcmeWebhookReceiver.Sign(body, SigningKey));
        var longerUrl = await PostAsync($"/api/webhooks/acme/{_connectorId}/extra", body, AcmeWebhookReceiver.Sign(body, SigningKey));

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, anotherPlatforms.StatusCode);
        Assert.Equal($"There is no Acme connector '{_connectorId}-cw'.", (await anotherPlatforms.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, longerUrl.StatusCode);
        Assert.DoesNotContain(App.Published, e => e.ConnectorId == _connectorId);
    }

    [Fact]
    public async Task AnAcmeSync_ReadsItsMembers_ProvisionsThem_AndDeprovisionsWhomAcmeNoLongerHas()
    {
        await ConnectAsync();
        var flex = Site.Put(new AcmeMember("m-flex", "Alan Turing", Email("alan"), Active: true, "Flex", "B-2", DateTimeOffset.UtcNow));
        Site.Put(new AcmeMember("m-virtual", "Grace Hopper", Email("grace"), Active: true, "Virtual", "B-3", DateTimeOffset.UtcNow));

        var first = await SyncAsync();
        var members = (await App.GetJsonAsync($"/api/admin/connectors/{_connectorId}/members")).GetProperty("items").EnumerateArray().ToDictionary(m => m.GetProperty("memberId").GetString()!);
        Site.Remove(flex.Id);
        var second = await SyncAsync();
        var gone = await App.GetJsonAsync($"/api/admin/connectors/{_connectorId}/members/{flex.Id}");

        Assert.Equal(2, first.GetProperty("counts").GetProperty("seen").GetInt32());
        Assert.Equal(1, first.GetProperty("counts").GetProperty("created").GetInt32());
        Assert.True(members["m-flex"].GetProperty("account").GetProperty("enabled").GetBoolean());
        Assert.Equal(JsonValueKind.Null, members["m-virtual"].GetProperty("account").ValueKind);
        Assert.Equal("plan has no WiFi", members["m-virtual"].GetProperty("reason").GetString());
        Assert.Equal(1, second.GetProperty("counts").GetProperty("gone").GetInt32());
        Assert.True(gone.GetProperty("gone").GetBoolean());
        Assert.False(gone.GetProperty("account").GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task TheConnectorTest_RunsAcmesChecks_InTheGenericReport()
    {
        await PutConnectorAsync(new { siteCode = "site-1" });
        _ = Site;
        var unconnected = await TestAsync();
        await App.Admin().PutAsJsonAsync($"/api/admin/connectors/{_connectorId}/secrets", new { signingKey = SigningKey });
        Site.Plans = [.. Site.Plans, new("acme-night", "Night Owl")];
        var connected = await TestAsync();

        Assert.Equal(["api", "signingKey", "plans", "locations", "site"], connected.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        var checks = connected.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.False(connected.GetProperty("ok").GetBoolean());
        Assert.True(checks["api"].GetProperty("ok").GetBoolean());
        Assert.True(checks["signingKey"].GetProperty("ok").GetBoolean());
        Assert.Equal("acme-night", Assert.Single(checks["plans"].GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.True(checks["site"].GetProperty("ok").GetBoolean());
        var before = unconnected.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.False(before["api"].GetProperty("ok").GetBoolean());
        Assert.False(before["signingKey"].GetProperty("ok").GetBoolean());
        Assert.Equal("not checked: the API check failed", before["plans"].GetProperty("detail").GetString());
    }

    private static object[] Locations => [new { id = "loc_1", name = "Acme HQ", timeZone = "Europe/Berlin" }];

    private string Email(string name) => $"{name}.{_suffix}@acme.example";

    private Task<HttpResponseMessage> PutConnectorAsync(object acme) =>
        App.Admin().PutAsJsonAsync($"/api/admin/connectors/{_connectorId}", new { platform = "acme", displayName = "Acme HQ", locations = Locations, acme });

    private async Task ConnectAsync()
    {
        (await PutConnectorAsync(new { siteCode = "site-1" })).EnsureSuccessStatusCode();
        (await App.Admin().PutAsJsonAsync($"/api/admin/connectors/{_connectorId}/secrets", new { signingKey = SigningKey })).EnsureSuccessStatusCode();
    }

    private Task<HttpResponseMessage> SendWebhookAsync(string eventId, string memberId)
    {
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { eventId, memberId }));
        return PostAsync($"/api/webhooks/acme/{_connectorId}", body, AcmeWebhookReceiver.Sign(body, SigningKey));
    }

    private async Task<HttpResponseMessage> PostAsync(string path, byte[] body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        if (signature is not null)
            request.Headers.TryAddWithoutValidation(AcmeWebhookReceiver.SignatureHeader, signature);
        return await App.CreateClient().SendAsync(request);
    }

    private async Task<JsonElement> SyncAsync()
    {
        var started = await App.Admin().PostAsync($"/api/admin/connectors/{_connectorId}/sync", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var runId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString();
        return await Eventually.GetAsync(
            async () => (await App.GetJsonAsync($"/api/admin/connectors/{_connectorId}/sync-runs")).GetProperty("items").EnumerateArray().Single(r => r.GetProperty("runId").GetString() == runId),
            run => run.GetProperty("state").GetString() is "succeeded" or "failed", $"sync run {runId}");
    }

    /// <summary>One member as the admin API shows them; null while CoworkSync does not know them.</summary>
    private async Task<JsonElement?> MemberAsync(string memberId)
    {
        var response = await App.Admin().GetAsync($"/api/admin/connectors/{_connectorId}/members/{memberId}");
        return response.StatusCode == HttpStatusCode.NotFound ? null : await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> TestAsync() =>
        await (await App.Admin().PostAsync($"/api/admin/connectors/{_connectorId}/test", null)).Content.ReadFromJsonAsync<JsonElement>();

    public void Dispose() => _app?.Dispose();
}
