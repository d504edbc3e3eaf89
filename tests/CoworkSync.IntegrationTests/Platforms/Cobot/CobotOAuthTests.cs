using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoworkSync.Connectors;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Simulators;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.Platforms.Cobot;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.IntegrationTests.Platforms.Cobot;

/// <summary>
/// Connecting a Cobot space by OAuth (end to end through the simulated authorize page and token endpoint) or with an
/// operator's token, against a simulator that serves only what Cobot documents, each on its host.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CobotOAuthTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly CobotWorld _world = new(azurite);

    public async Task InitializeAsync()
    {
        await _world.InitializeAsync();
        (await _world.App.Admin().PutAsJsonAsync($"/api/admin/connectors/{_world.ConnectorId}/secrets",
            new { clientId = CobotSimulator.ClientId, clientSecret = CobotSimulator.ClientSecret })).EnsureSuccessStatusCode();
    }

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Connect_RedirectsToCobot_AndTheCallbackConnectsTheSpace_WithASpaceOwnedTokenWebhooksAndAFirstSync()
    {
        _world.Cobot.Put(CobotWorld.Member("m-1"));
        Assert.Equal("not connected", await StateAsync());

        // The admin's browser: CoworkSync's redirect, Cobot's authorize page (allowed), Cobot's redirect back.
        var authorize = await ConnectAsync();
        Assert.Equal(_world.Cobot.OAuthBaseUrl.Authority, authorize.Authority);
        Assert.Equal("/oauth/authorize", authorize.AbsolutePath);
        var query = QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal("code", query["response_type"].ToString());
        Assert.Equal(CobotSimulator.ClientId, query["client_id"].ToString());
        Assert.Equal($"{CobotWorld.PublicBaseUrl}/api/auth/cobot_admin/callback", query["redirect_uri"].ToString());
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var allowed = await browser.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Found, allowed.StatusCode);
        var back = allowed.Headers.Location!;
        Assert.Equal($"{CobotWorld.PublicBaseUrl}/api/auth/cobot_admin/callback", back.GetLeftPart(UriPartial.Path));

        var page = await _world.App.CreateClient().GetAsync(back.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Single(_world.Cobot.Requests, r => r.Host == CobotSimHost.Www && r.Method == "GET" && r.PathAndQuery == $"/api/spaces/{CobotSimulator.Subdomain}");
        var codeToken = Assert.Single(_world.Cobot.Requests, r => r.Host == CobotSimHost.Www && r.PathAndQuery.StartsWith("/api/access_tokens/", StringComparison.Ordinal)).PathAndQuery.Split('/')[3];
        var stored = await _world.AccessTokenAsync();
        Assert.Equal(_world.Cobot.SpaceTokenMadeFrom(codeToken), stored);
        Assert.True(_world.Cobot.IsSpaceOwned(stored));
        Assert.Equal(CobotEvents.Scopes, _world.Cobot.ScopeOf(stored));
        Assert.Equal(CobotEvents.Subscribed.Count, _world.Cobot.Subscriptions.Count(s => s.Active));
        Assert.All(_world.Cobot.Requests.Where(r => r.PathAndQuery == "/api/subscriptions"), r => Assert.Equal(CobotSimHost.Space, r.Host));
        await _world.WaitForMemberAsync("m-1", m => m.GetProperty("account").ValueKind == JsonValueKind.Object, "the first sync's account");
        var connection = (await _world.ConnectorAsync()).GetProperty("cobot").GetProperty("connection");
        Assert.Equal(CobotSimulator.SpaceId, connection.GetProperty("spaceId").GetString());
        Assert.True(connection.GetProperty("spaceOwnedToken").GetBoolean());
        Assert.DoesNotContain(stored, (await _world.ConnectorAsync()).GetRawText(), StringComparison.Ordinal);
        await Eventually.GetAsync(StateAsync, s => s == "connected", "the connector connected");
        Assert.Empty(_world.Cobot.Unserved);
    }

    [Fact]
    public async Task TheConnectRedirect_IsAStrictRfc3986Uri_AndCarriesEveryScope()
    {
        var client = _world.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("x-functions-key", LocalFunctionApp.FunctionKey);
        var response = await client.GetAsync($"/api/connect/cobot/{_world.ConnectorId}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // The header as sent: HttpClient's Location (a Uri) would mend what a strict client refuses.
        Assert.True(response.Headers.NonValidated.TryGetValues("Location", out var values));
        var location = Assert.Single(values);

        var uri = StrictUri.Parse(location);

        Assert.True(uri is not null, $"not an absolute URI as RFC 3986 has it: {location}");
        Assert.Equal(_world.Cobot.OAuthBaseUrl.Authority, uri.Authority);
        Assert.Equal("/oauth/authorize", uri.Path);
        var parameters = uri.Parameters;
        Assert.NotNull(parameters);
        Assert.Equal(["client_id", "redirect_uri", "response_type", "scope", "state"], parameters.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(CobotEvents.Scopes, parameters["scope"].Split(' '));
        Assert.Equal($"{CobotWorld.PublicBaseUrl}/api/auth/cobot_admin/callback", parameters["redirect_uri"]);
        Assert.Equal(CobotSimulator.ClientId, parameters["client_id"]);
        Assert.Contains("scope=read%20read_plans%20", location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccessTokenCreatedAtCobot_ConnectsLikeTheCallback_WithASpaceTokenAndSubscriptions()
    {
        _world.Cobot.AddToken(CobotWorld.Token, "read", "read_memberships");

        var put = await _world.App.Admin().PutAsJsonAsync($"/api/admin/connectors/{_world.ConnectorId}/secrets", new { accessToken = CobotWorld.Token });

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        var stored = await _world.AccessTokenAsync();
        Assert.Equal(_world.Cobot.SpaceTokenMadeFrom(CobotWorld.Token), stored);
        Assert.True(_world.Cobot.IsSpaceOwned(stored));
        Assert.Equal(["read", "read_memberships"], _world.Cobot.ScopeOf(stored));
        Assert.True(_world.Cobot.HasToken(CobotWorld.Token), "the operator's own token is left as it was");
        Assert.Equal(CobotEvents.Subscribed.Count, _world.Cobot.Subscriptions.Count(s => s.Active));
        var connection = (await _world.ConnectorAsync()).GetProperty("cobot").GetProperty("connection");
        Assert.Equal("connected", connection.GetProperty("state").GetString());
        Assert.True(connection.GetProperty("spaceOwnedToken").GetBoolean());
        Assert.Equal(CobotSimulator.SpaceId, connection.GetProperty("spaceId").GetString());
    }

    [Fact]
    public async Task ASpaceCobotDoesNotKnow_Is400_NamingTheSpace_AndNothingIsStored()
    {
        _world.Cobot.AddToken(CobotWorld.Token);
        _world.Cobot.Break("GET", $"/api/spaces/{CobotSimulator.Subdomain}", 404, """{"error":"not found"}""");

        var put = await _world.App.Admin().PutAsJsonAsync($"/api/admin/connectors/{_world.ConnectorId}/secrets", new { accessToken = CobotWorld.Token });

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Contains($"get space {CobotSimulator.Subdomain}", await put.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(_world.Cobot.SpaceTokenMadeFrom(CobotWorld.Token));
        Assert.Empty(_world.Cobot.Subscriptions);
        Assert.Equal("not connected", await StateAsync());
    }

    [Fact]
    public async Task AccessTokenCobotRefuses_Is400_AndNothingIsStoredOrSubscribed()
    {
        var put = await _world.App.Admin().PutAsJsonAsync($"/api/admin/connectors/{_world.ConnectorId}/secrets", new { accessToken = "not-a-cobot-token" });

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Contains("accessToken", await put.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(_world.Cobot.Subscriptions);
        var connector = await _world.ConnectorAsync();
        Assert.Equal("not connected", connector.GetProperty("cobot").GetProperty("connection").GetProperty("state").GetString());
        Assert.Equal("missing", connector.GetProperty("cobot").GetProperty("secrets").GetProperty("accessToken").GetString());
    }

    [Fact]
    public async Task ASubscriptionCobotRefuses_AfterTheCodeExchange_TakesBackWhatTheAttemptMade()
    {
        var state = QueryHelpers.ParseQuery((await ConnectAsync()).Query)["state"].ToString();
        _world.Cobot.Break("POST", "/api/subscriptions", 422, """{"errors":{"event":["is invalid"]}}""",
            when: body => body?.Contains("\"membership_cancellation_date_reached\"", StringComparison.Ordinal) == true);

        var page = await CallbackAsync(state, Code());

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("Nothing was changed", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var token = Assert.Single(_world.Cobot.Requests, r => r.PathAndQuery.StartsWith("/api/access_tokens/", StringComparison.Ordinal) && r.Method == "POST").PathAndQuery.Split('/')[3];
        Assert.True(_world.Cobot.CountRequests(r => r.Method == "POST" && r.PathAndQuery == "/api/subscriptions" && r.Status == 201) > 0, "some subscriptions were made before the refusal");
        Assert.Empty(_world.Cobot.Subscriptions);
        Assert.False(_world.Cobot.HasToken(token));
        Assert.False(_world.Cobot.HasToken(_world.Cobot.SpaceTokenMadeFrom(token)!), "the space's token the attempt created is revoked");
        var secrets = _world.App.Services.GetRequiredService<ConnectorSecrets>();
        Assert.Null(await secrets.GetAsync(CobotSecretNames.CallbackToken(_world.ConnectorId), CancellationToken.None));
        Assert.Null(await secrets.GetAsync(CobotSecretNames.AccessToken(_world.ConnectorId), CancellationToken.None));
        Assert.Equal("not connected", await StateAsync());
        Assert.DoesNotContain(_world.App.Published, e => e.ConnectorId == _world.ConnectorId);
    }

    [Fact]
    public async Task AnOperatorsTokenRefusedASubscription_TakesBackTheSubscriptions_ButDoesNotRevokeTheirToken()
    {
        _world.Cobot.AddToken(CobotWorld.Token);
        _world.Cobot.Break("POST", "/api/subscriptions", 422, """{"errors":{"event":["is invalid"]}}""",
            when: body => body?.Contains("\"deleted_membership\"", StringComparison.Ordinal) == true);

        var put = await _world.App.Admin().PutAsJsonAsync($"/api/admin/connectors/{_world.ConnectorId}/secrets", new { accessToken = CobotWorld.Token });

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Empty(_world.Cobot.Subscriptions);
        Assert.True(_world.Cobot.HasToken(CobotWorld.Token));
        Assert.False(_world.Cobot.HasToken(_world.Cobot.SpaceTokenMadeFrom(CobotWorld.Token)!), "the space's token the attempt created is revoked");
        Assert.Null(await _world.App.Services.GetRequiredService<ConnectorSecrets>().GetAsync(CobotSecretNames.CallbackToken(_world.ConnectorId), CancellationToken.None));
        Assert.Equal("not connected", await StateAsync());
    }

    [Fact]
    public async Task ReplayedState_IsRefused()
    {
        var state = QueryHelpers.ParseQuery((await ConnectAsync()).Query)["state"].ToString();
        Assert.Equal(HttpStatusCode.OK, (await CallbackAsync(state, Code())).StatusCode);

        var replay = await CallbackAsync(state, Code());

        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Contains("already used", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TamperedState_IsRefused_AndNothingChanges()
    {
        var state = QueryHelpers.ParseQuery((await ConnectAsync()).Query)["state"].ToString();
        var parts = state.Split('.');
        var forged = System.Text.Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(parts[0])).Replace(_world.ConnectorId, "other-connector", StringComparison.Ordinal);
        var tampered = WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(forged)) + "." + parts[1];

        var page = await CallbackAsync(tampered, Code());

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("signature", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("not connected", await StateAsync());
        Assert.DoesNotContain(_world.Cobot.Requests, r => r.PathAndQuery == "/oauth/access_token");
    }

    [Fact]
    public async Task ExpiredState_IsRefused()
    {
        var state = QueryHelpers.ParseQuery((await ConnectAsync()).Query)["state"].ToString();
        _world.Clock.SetNow(DateTimeOffset.UtcNow.AddMinutes(16));

        var page = await CallbackAsync(state, Code());

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("expired", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("not connected", await StateAsync());
    }

    [Fact]
    public async Task CobotRefusingTheCode_EndsOnAPageSayingSo_AndNothingChanges()
    {
        var state = QueryHelpers.ParseQuery((await ConnectAsync()).Query)["state"].ToString();

        var page = await CallbackAsync(state, "code-that-cobot-never-issued");

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("Nothing was changed", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("not connected", await StateAsync());
        Assert.Empty(_world.Cobot.Subscriptions);
    }

    [Fact]
    public async Task AdminDenyingAccess_EndsOnAPageSayingSo_AndTheStateIsSpent()
    {
        var state = QueryHelpers.ParseQuery((await ConnectAsync()).Query)["state"].ToString();

        var denied = await _world.App.CreateClient().GetAsync($"/api/auth/cobot_admin/callback?error=access_denied&state={Uri.EscapeDataString(state)}");

        Assert.Equal(HttpStatusCode.BadRequest, denied.StatusCode);
        Assert.Contains("did not grant access", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("not connected", await StateAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await CallbackAsync(state, Code())).StatusCode);
    }

    [Fact]
    public async Task Connect_NeedsTheKey()
    {
        var response = await _world.App.CreateClient().GetAsync($"/api/connect/cobot/{_world.ConnectorId}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private string Code() => _world.Cobot.Authorize(CobotSimulator.ClientId, $"{CobotWorld.PublicBaseUrl}/api/auth/cobot_admin/callback");

    private async Task<Uri> ConnectAsync()
    {
        var client = _world.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("x-functions-key", LocalFunctionApp.FunctionKey);
        var response = await client.GetAsync($"/api/connect/cobot/{_world.ConnectorId}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    private Task<HttpResponseMessage> CallbackAsync(string state, string code) =>
        _world.App.CreateClient().GetAsync($"/api/auth/cobot_admin/callback?code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(state)}");

    private async Task<string?> StateAsync() =>
        (await _world.ConnectorAsync()).GetProperty("cobot").GetProperty("connection").GetProperty("state").GetString();
}
