using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoworkSync.IntegrationTests.Simulators;

namespace CoworkSync.IntegrationTests.Platforms.Cobot;

/// <summary>
/// The simulator serves only what Cobot documents, each endpoint on its own host: anything else is a 404 naming the
/// path, and a call to it fails the test that made it, so the product cannot come to rely on an undocumented endpoint.
/// </summary>
public sealed class CobotSimulatorStrictnessTests : IAsyncLifetime
{
    private const string Token = "strict-test-token";
    private CobotSimulator _cobot = null!;

    public async Task InitializeAsync() => _cobot = (await CobotSimulator.StartAsync()).AddToken(Token);

    public Task DisposeAsync() => _cobot.DisposeAsync().AsTask();

    [Theory]
    [InlineData(CobotSimHost.Space, "GET", "/api/space")]                    // undocumented: the space comes from www's /api/spaces/{subdomain}
    [InlineData(CobotSimHost.Space, "GET", "/api/spaces/co-up")]             // documented on www only
    [InlineData(CobotSimHost.Www, "GET", "/api/plans")]                      // documented on the space's subdomain only
    [InlineData(CobotSimHost.Www, "POST", "/api/subscriptions")]
    [InlineData(CobotSimHost.Space, "POST", "/api/access_tokens/strict-test-token/space")]
    [InlineData(CobotSimHost.Space, "PATCH", "/api/memberships/m-1")]        // a method not documented for the path
    public async Task AnEndpointNotDocumentedOnThatHost_Is404NamingThePath_AndIsRecordedAsUnserved(CobotSimHost host, string method, string path)
    {
        using var client = Client(host);

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path.TrimStart('/')));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(path, body.GetProperty("path").GetString());
        Assert.Equal(method, body.GetProperty("method").GetString());
        Assert.Contains(path, body.GetProperty("error").GetString(), StringComparison.Ordinal);
        var unserved = Assert.Single(_cobot.TakeUnserved());
        Assert.Equal((host, method, path), (unserved.Host, unserved.Method, unserved.PathAndQuery));
    }

    [Fact]
    public async Task DisposingAfterAnUnservedCall_Fails_NamingTheCall()
    {
        var cobot = await CobotSimulator.StartAsync();
        using (var client = new HttpClient { BaseAddress = cobot.BaseUrl })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("api/space")).StatusCode);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => cobot.DisposeAsync().AsTask());

        Assert.Contains("GET Space /api/space", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDocumentedEndpoints_AreServedOnTheirHost()
    {
        using var www = Client(CobotSimHost.Www);
        using var space = Client(CobotSimHost.Space);

        Assert.Equal(HttpStatusCode.OK, (await www.GetAsync($"api/spaces/{CobotSimulator.Subdomain}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await www.GetAsync("api/spaces/another-space")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await space.GetAsync("api/plans")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await space.GetAsync("api/subscriptions")).StatusCode);
        Assert.Empty(_cobot.Unserved);
    }

    [Fact]
    public void EveryEndpointServed_NamesTheCobotPageItFollows_AndOnlyOneServesEachHostMethodAndPath()
    {
        Assert.All(CobotSimulator.DocumentedEndpoints, e => Assert.Matches("^https://(dev\\.cobot\\.me/api-docs/|helpcenter\\.cobot\\.me/)", e.Documentation));
        Assert.Equal(CobotSimulator.DocumentedEndpoints.Count, CobotSimulator.DocumentedEndpoints.Select(e => (e.Host, e.Method, e.Path)).Distinct().Count());
        Assert.DoesNotContain(CobotSimulator.DocumentedEndpoints, e => e.Path == "/api/space");
    }

    [Fact]
    public void BreakingAnEndpointThatIsNotServed_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => _cobot.Break("GET", "/api/space", 200, """{"id":"space-co-up"}"""));
    }

    private HttpClient Client(CobotSimHost host)
    {
        var client = new HttpClient { BaseAddress = host == CobotSimHost.Www ? _cobot.OAuthBaseUrl : _cobot.BaseUrl };
        client.DefaultRequestHeaders.Authorization = new("Bearer", Token);
        return client;
    }
}
