using System.Text.Json;
using CoworkSync.Functions.Hosting.Invocation;
using CoworkSync.Functions.PollCobot;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.IntegrationTests.Connectors.Cobot;

/// <summary>The PollCobot timer: connected Cobot connectors are synced once their interval has passed.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PollCobotTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly CobotWorld _world = new(azurite);

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Timer_SyncsAConnectedConnector_WhenDue_AndNotBefore()
    {
        Assert.DoesNotContain(_world.ConnectorId, await PollAsync());

        await _world.ConnectWithTokenAsync();
        Assert.Contains(_world.ConnectorId, await PollAsync());
        var run = await Eventually.GetAsync(LatestRunAsync, r => r.GetProperty("state").GetString() is "succeeded" or "failed", "the scheduled run");
        Assert.Equal("schedule", run.GetProperty("trigger").GetString());
        Assert.Equal("succeeded", run.GetProperty("state").GetString());

        Assert.DoesNotContain(_world.ConnectorId, await PollAsync());

        _world.Clock.SetNow(DateTimeOffset.UtcNow.AddMinutes(61));
        Assert.Contains(_world.ConnectorId, await PollAsync());
    }

    private async Task<IReadOnlyList<string>> PollAsync()
    {
        var result = await _world.App.Services.GetRequiredService<FunctionInvoker>().InvokeAsync(PollCobotFunction.FunctionName, new InvocationRequest(), CancellationToken.None);
        return JsonSerializer.SerializeToElement(result.Response.ReturnValue).EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    private async Task<JsonElement> LatestRunAsync() =>
        (await _world.App.GetJsonAsync($"/api/admin/connectors/{_world.ConnectorId}/sync-runs?max=1")).GetProperty("items").EnumerateArray().First();
}
