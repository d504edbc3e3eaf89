using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support;

namespace CoworkSync.IntegrationTests.Health;

/// <summary>Health follows the table store and the queue: with its own Azurite, so stopping it disturbs no other test.</summary>
public sealed class HealthEndpointTests : IAsyncLifetime
{
    private AzuriteInstance _azurite = null!;
    private LocalFunctionApp _app = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteInstance.StartAsync();
        _app = new LocalFunctionApp(_azurite.ConnectionString);
    }

    [Fact]
    public async Task Health_Is200WhenStorageAnswers_503WhenItIsDown_AndRecovers()
    {
        var client = _app.CreateClient();

        var up = await client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, up.StatusCode);
        var body = await up.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("checks").GetProperty("tables").GetProperty("healthy").GetBoolean());
        Assert.True(body.GetProperty("checks").GetProperty("queue").GetProperty("healthy").GetBoolean());

        await _azurite.StopAsync();
        var down = await client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        var downBody = await down.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("unhealthy", downBody.GetProperty("status").GetString());
        Assert.False(downBody.GetProperty("checks").GetProperty("tables").GetProperty("healthy").GetBoolean());
        Assert.DoesNotContain("AccountKey", downBody.GetRawText());

        await _azurite.StartAgainAsync();
        await Eventually.GetAsync(() => client.GetAsync("/api/health"), r => r.StatusCode == HttpStatusCode.OK, "health to recover");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
