using System.Text.Json;
using CoworkSync.Functions.Hosting.Invocation;
using CoworkSync.Functions.Platforms.Cobot.PollCobot;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.Members.Sync;
using CoworkSync.State.Secrets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoworkSync.IntegrationTests.Platforms.Cobot;

/// <summary>The PollCobot timer: connected Cobot connectors are synced once their interval has passed.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PollCobotTests : IAsyncLifetime
{
    private readonly CountingSecretStore _secrets = new();
    private readonly CobotWorld _world;

    public PollCobotTests(AzuriteFixture azurite) =>
        _world = new CobotWorld(azurite, services =>
        {
            services.AddSingleton<LocalSecretStore>();
            services.Replace(ServiceDescriptor.Singleton<ISecretStore>(provider => _secrets.Over(provider.GetRequiredService<LocalSecretStore>())));
        });

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Timer_SyncsAConnectedConnector_WhenDue_AndNotBefore()
    {
        Assert.DoesNotContain(_world.ConnectorId, await PollAsync());

        await _world.ConnectWithTokenAsync();
        var batches = Recorded.Batches.Count;
        Assert.Contains(_world.ConnectorId, await PollAsync());
        // One tick, one batch of sync events, whichever connectors were due (the other platform's timer may tick meanwhile).
        var batch = Assert.Single(Recorded.Batches.Skip(batches), b => b.Any(e => e.ConnectorId == _world.ConnectorId));
        Assert.All(batch, e => Assert.Equal(SyncRequestedEvent.Type, e.Type));
        var run = await Eventually.GetAsync(LatestRunAsync, r => r.GetProperty("state").GetString() is "succeeded" or "failed", "the scheduled run");
        Assert.Equal("schedule", run.GetProperty("trigger").GetString());
        Assert.Equal("succeeded", run.GetProperty("state").GetString());

        Assert.DoesNotContain(_world.ConnectorId, await PollAsync());

        _world.Clock.SetNow(DateTimeOffset.UtcNow.AddMinutes(61));
        Assert.Contains(_world.ConnectorId, await PollAsync());
    }

    [Fact]
    public async Task Timer_TellsConnectedFromTheConnectionRow_WithoutReadingTheSecretStore()
    {
        await _world.ConnectWithTokenAsync();
        await _world.SyncAsync();
        // Past the secret cache's 30 s, within the 60 min interval.
        _world.Clock.SetNow(DateTimeOffset.UtcNow.AddMinutes(5));
        var reads = _secrets.Reads;

        Assert.DoesNotContain(_world.ConnectorId, await PollAsync());

        Assert.Equal(reads, _secrets.Reads);
    }

    private RecordingPublisher Recorded => _world.App.Services.GetRequiredService<RecordingPublisher>();

    private async Task<IReadOnlyList<string>> PollAsync()
    {
        var result = await _world.App.Services.GetRequiredService<FunctionInvoker>().InvokeAsync(PollCobotFunction.FunctionName, new InvocationRequest(), CancellationToken.None);
        return JsonSerializer.SerializeToElement(result.Response.ReturnValue).EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    private async Task<JsonElement> LatestRunAsync() =>
        (await _world.App.GetJsonAsync($"/api/admin/connectors/{_world.ConnectorId}/sync-runs?max=1")).GetProperty("items").EnumerateArray().First();

    /// <summary>The app's secret store, counting reads.</summary>
    private sealed class CountingSecretStore : ISecretStore
    {
        private ISecretStore _inner = null!;
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public CountingSecretStore Over(ISecretStore inner)
        {
            _inner = inner;
            return this;
        }

        public Task<string?> GetAsync(string name, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            return _inner.GetAsync(name, cancellationToken);
        }

        public Task SetAsync(string name, string value, CancellationToken cancellationToken) => _inner.SetAsync(name, value, cancellationToken);

        public Task DeleteAsync(string name, CancellationToken cancellationToken) => _inner.DeleteAsync(name, cancellationToken);
    }
}
