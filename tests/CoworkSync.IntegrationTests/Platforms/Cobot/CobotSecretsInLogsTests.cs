using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Simulators;
using CoworkSync.IntegrationTests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;

namespace CoworkSync.IntegrationTests.Platforms.Cobot;

/// <summary>
/// No log line of any category, its scopes and values included, holds a Cobot access token, the OAuth client secret
/// or the webhook callback token, over everything that handles them. CoworkSync's own categories and the HTTP
/// client's are captured at every level, whatever the filters say; the rest as the app's filters let them through.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CobotSecretsInLogsTests : IAsyncLifetime
{
    private readonly LogCapture _logs = new();
    private readonly CobotWorld _world;

    public CobotSecretsInLogsTests(AzuriteFixture azurite) =>
        _world = new CobotWorld(azurite, services => _logs.AddTo(services, "CoworkSync", "Webhook", "System.Net.Http.HttpClient", "Microsoft.Extensions.Http"));

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task OAuthConnect_AccessTokenConnect_Webhook_AndSync_LogNoTokenAndNoClientSecret()
    {
        var admin = _world.App.Admin();
        _world.Cobot.Put(CobotWorld.Member("m-1"));

        // OAuth connect.
        (await admin.PutAsJsonAsync($"/api/admin/connectors/{_world.ConnectorId}/secrets",
            new { clientId = CobotSimulator.ClientId, clientSecret = CobotSimulator.ClientSecret })).EnsureSuccessStatusCode();
        var connect = _world.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        connect.DefaultRequestHeaders.Add("x-functions-key", LocalFunctionApp.FunctionKey);
        var authorize = (await connect.GetAsync($"/api/connect/cobot/{_world.ConnectorId}")).Headers.Location!;
        var query = QueryHelpers.ParseQuery(authorize.Query);
        var code = _world.Cobot.Authorize(CobotSimulator.ClientId, query["redirect_uri"]!);
        var callback = await _world.App.CreateClient().GetAsync($"/api/auth/cobot_admin/callback?code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(query["state"]!)}");
        Assert.Equal(HttpStatusCode.OK, callback.StatusCode);
        var oauthToken = _world.Cobot.Requests.First(r => r.Method == "POST" && r.PathAndQuery.StartsWith("/api/access_tokens/", StringComparison.Ordinal)).PathAndQuery.Split('/')[3];
        await _world.WaitForMemberAsync("m-1", m => m.GetProperty("account").ValueKind == JsonValueKind.Object, "the first sync's account");

        // An operator's access token replaces it.
        await _world.ConnectWithTokenAsync();

        // A webhook, and a sync.
        var webhook = await _world.WebhookAsync(_world.Cobot.WebhookBody("m-1"));
        Assert.Equal(HttpStatusCode.Accepted, webhook.StatusCode);
        await _world.WaitForAppliedAsync([(await webhook.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("eventId").GetString()!]);
        Assert.Equal("succeeded", (await _world.SyncAsync()).GetProperty("state").GetString());

        var lines = _logs.Lines.ToList();
        // The capture saw the flows, scopes included: a test that cannot fail would see nothing.
        Assert.Contains(lines, l => l.Contains("Accepted Cobot webhook", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Cobot connector", StringComparison.Ordinal) && l.Contains("connected", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("| scope", StringComparison.Ordinal));
        var secrets = new Dictionary<string, string>
        {
            ["the OAuth access token"] = oauthToken,
            ["the operator's access token"] = CobotWorld.Token,
            ["the client secret"] = CobotSimulator.ClientSecret,
            ["the callback token"] = await _world.CallbackTokenAsync(),
        };
        var spaceTokens = _world.Cobot.SpaceTokens;
        Assert.Equal(2, spaceTokens.Count);
        foreach (var (spaceToken, i) in spaceTokens.Select((t, i) => (t, i)))
            secrets[$"the space's access token {i + 1}"] = spaceToken;
        foreach (var (what, secret) in secrets)
            Assert.False(lines.Any(l => l.Contains(secret, StringComparison.Ordinal)), $"{what} is in a log line: {lines.FirstOrDefault(l => l.Contains(secret, StringComparison.Ordinal))}");
    }
}
