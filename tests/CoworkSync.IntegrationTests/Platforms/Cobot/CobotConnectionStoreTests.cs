using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.Platforms.Cobot;
using CoworkSync.State.Tables;

namespace CoworkSync.IntegrationTests.Platforms.Cobot;

/// <summary>The connection state row against real Table Storage, including a connection saved while a state is being set.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CobotConnectionStoreTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private readonly string _connector = "cstate-" + Guid.NewGuid().ToString("N")[..8];
    private readonly CobotConnectionStore _other = new(new StateTables(new TableServiceClient(azurite.ConnectionString)), TimeProvider.System);

    [Fact]
    public async Task SetState_WhenAConnectionIsSavedBetweenItsReadAndItsWrite_LeavesThatConnectionsSpaceAndToken()
    {
        await _other.SaveAsync(_connector, new CobotConnectionRecord(CobotConnectionStates.Connected, null, T0, "space-old", SpaceOwnedToken: false), CancellationToken.None);
        var interleave = new AfterTheNextRead(() => _other.SaveAsync(_connector,
            new CobotConnectionRecord(CobotConnectionStates.Connected, null, T0.AddMinutes(1), "space-new", SpaceOwnedToken: true), CancellationToken.None));
        var store = Store(interleave);

        await store.SetStateAsync(_connector, CobotConnectionStates.Error, "token revoked: Cobot answered 401", T0.AddMinutes(2), CancellationToken.None);

        Assert.True(interleave.Ran);
        var record = await _other.GetAsync(_connector, CancellationToken.None);
        Assert.Equal("space-new", record!.SpaceId);
        Assert.True(record.SpaceOwnedToken);
    }

    [Fact]
    public async Task SetState_ClearsTheReasonWhenTheErrorIsOver_AndWritesNothingWhenTheStateIsUnchanged()
    {
        var store = Store();
        await store.SaveAsync(_connector, new CobotConnectionRecord(CobotConnectionStates.Connected, null, T0, "space-1", SpaceOwnedToken: true), CancellationToken.None);
        await store.SetStateAsync(_connector, CobotConnectionStates.Error, "token revoked: Cobot answered 401", T0.AddMinutes(1), CancellationToken.None);
        await store.SetStateAsync(_connector, CobotConnectionStates.Connected, null, T0.AddMinutes(2), CancellationToken.None);
        var written = await ETagAsync();

        await store.SetStateAsync(_connector, CobotConnectionStates.Connected, null, T0.AddMinutes(3), CancellationToken.None);

        var record = await store.GetAsync(_connector, CancellationToken.None);
        Assert.Equal(CobotConnectionStates.Connected, record!.State);
        Assert.Null(record.Reason);
        Assert.Equal(T0.AddMinutes(2), record.At);
        Assert.Equal("space-1", record.SpaceId);
        Assert.Equal(written, await ETagAsync());
    }

    [Fact]
    public async Task SetState_ForACallThatBeganBeforeTheConnectionWasSaved_LeavesTheNewConnectionConnected()
    {
        var store = Store();
        await store.SaveAsync(_connector, new CobotConnectionRecord(CobotConnectionStates.Connected, null, T0.AddMinutes(1), "space-1", SpaceOwnedToken: true), CancellationToken.None);

        await store.SetStateAsync(_connector, CobotConnectionStates.Error, "token revoked: Cobot answered 401", T0.AddMinutes(2), CancellationToken.None, unlessConnectedAfter: T0);
        var afterTheStaleCall = await store.GetAsync(_connector, CancellationToken.None);
        await store.SetStateAsync(_connector, CobotConnectionStates.Error, "token revoked: Cobot answered 401", T0.AddMinutes(3), CancellationToken.None, unlessConnectedAfter: T0.AddMinutes(2));
        var afterALaterCall = await store.GetAsync(_connector, CancellationToken.None);

        Assert.Equal(CobotConnectionStates.Connected, afterTheStaleCall!.State);
        Assert.Null(afterTheStaleCall.Reason);
        Assert.Equal(CobotConnectionStates.Error, afterALaterCall!.State);
        Assert.Equal("token revoked: Cobot answered 401", afterALaterCall.Reason);
    }

    private CobotConnectionStore Store(HttpPipelinePolicy? policy = null)
    {
        var options = new TableClientOptions();
        if (policy is not null)
            options.AddPolicy(policy, HttpPipelinePosition.PerCall);
        return new CobotConnectionStore(new StateTables(new TableServiceClient(azurite.ConnectionString, options)), TimeProvider.System);
    }

    private async Task<Azure.ETag> ETagAsync()
    {
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(CobotTables.CobotConnections);
        return (await table.GetEntityAsync<TableEntity>("cobot", TableKey.Escape(_connector))).Value.ETag;
    }

    /// <summary>Runs <paramref name="then"/> once, right after the next entity read has been answered.</summary>
    private sealed class AfterTheNextRead(Func<Task> then) : HttpPipelinePolicy
    {
        public bool Ran { get; private set; }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The store calls table storage asynchronously.");

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            if (!Ran && message.Request.Method == RequestMethod.Get && message.Request.Uri.Path.Contains($"/{CobotTables.CobotConnections}(", StringComparison.Ordinal))
            {
                Ran = true;
                await then();
            }
        }
    }
}
