using Azure.Data.Tables;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.Messaging.Counters;
using CoworkSync.Messaging.DeadLetters;
using CoworkSync.State.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoworkSync.IntegrationTests.Messaging.Counters;

/// <summary>
/// The hourly event counters end to end, in a store of their own (an Azurite of this class's): events flow through
/// the local queue and the processor, the counts are flushed as one row per hour and process, and the last day sums
/// every process's rows without scanning. The open dead letters are counted from their index, kept as they open and close.
/// </summary>
public sealed class EventCountTests : IAsyncLifetime
{
    private AzuriteInstance _azurite = null!;
    private LocalFunctionApp _app = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteInstance.StartAsync();
        _app = new LocalFunctionApp(_azurite.ConnectionString);
    }

    [Fact]
    public async Task ProcessedEvents_AreCountedPerHour_FlushedAsThisProcesssRow_AndSummedWithOtherProcesses()
    {
        _app.Handler.Script("evt_ok", Step.Succeed);
        _app.Handler.Script("evt_retry", Step.FailTransiently, Step.Succeed);
        _app.Handler.Script("evt_bad", Step.FailPermanently);
        foreach (var id in new[] { "evt_ok", "evt_retry", "evt_bad" })
            await _app.PublishAsync(LocalFunctionApp.Event("cnt", id));
        await Eventually.TrueAsync(() => _app.Handler.AppliedCount("evt_ok") == 1 && _app.Handler.AppliedCount("evt_retry") == 1, "both events applied");
        var deadLetters = _app.Services.GetRequiredService<IDeadLetterStore>();
        await Eventually.GetAsync(() => deadLetters.GetAsync("cnt:evt_bad", CancellationToken.None), d => d is not null, "the dead letter");

        var counters = _app.Services.GetRequiredService<EventCounters>();
        var store = _app.Services.GetRequiredService<EventCountStore>();
        var now = HourTotals.HourOf(DateTimeOffset.UtcNow);
        await _app.Services.GetRequiredService<EventCountRecorder>().FlushAsync(CancellationToken.None);
        await store.WriteAsync("another-process", new HourTotals(now, Accepted: 5, Applied: 4, Retried: 0, DeadLettered: 0), CancellationToken.None);
        await store.WriteAsync("another-process", new HourTotals(now.AddHours(-30), 100, 100, 100, 100), CancellationToken.None);

        var rows = await store.ReadAsync(now.AddHours(-23), now, CancellationToken.None);
        var day = await _app.Services.GetRequiredService<HourlyEventCounts>().LastDayAsync(CancellationToken.None);

        // Summed over hours: the test may run across the top of an hour.
        var own = rows.Where(r => r.InstanceId == counters.InstanceId).Select(r => r.Totals).Aggregate(HourTotals.Empty(now), (a, b) => a.Plus(b));
        Assert.Equal((0, 2, 1, 1), (own.Accepted, own.Applied, own.Retried, own.DeadLettered));
        Assert.Equal(24, day.Count);
        Assert.Equal(TimeSpan.FromHours(23), day[^1].Hour - day[0].Hour);
        Assert.True(day[^1].Hour >= now);
        var sum = day.Aggregate(HourTotals.Empty(now), (a, b) => a.Plus(b));
        Assert.Equal((5, 6, 1, 1), (sum.Accepted, sum.Applied, sum.Retried, sum.DeadLettered));

        Assert.Equal(1, await store.PurgeBeforeAsync(now.AddHours(-24), CancellationToken.None));
    }

    [Fact]
    public async Task AFlushWhileTheStoreIsDown_NeitherThrowsNorLosesTheCounts()
    {
        var counters = new EventCounters(TimeProvider.System);
        counters.Count(EventOutcome.Applied);
        counters.Count(EventOutcome.Applied);
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        var nobodyListening = new TableServiceClient(
            $"DefaultEndpointsProtocol=http;AccountName={AzuriteInstance.AccountName};AccountKey={AzuriteInstance.AccountKey};TableEndpoint=http://127.0.0.1:9/{AzuriteInstance.AccountName};", options);
        var down = new EventCountRecorder(counters, new EventCountStore(new StateTables(nobodyListening)), NullLogger<EventCountRecorder>.Instance);

        Assert.Equal(0, await down.FlushAsync(CancellationToken.None));

        var store = new EventCountStore(new StateTables(new TableServiceClient(_azurite.ConnectionString)));
        var up = new EventCountRecorder(counters, store, NullLogger<EventCountRecorder>.Instance);
        Assert.True(await up.FlushAsync(CancellationToken.None) >= 1);
        var now = HourTotals.HourOf(DateTimeOffset.UtcNow);
        var own = (await store.ReadAsync(now.AddHours(-1), now, CancellationToken.None)).Where(r => r.InstanceId == counters.InstanceId).ToList();
        Assert.Equal(2, own.Sum(r => r.Totals.Applied));
    }

    [Fact]
    public async Task OpenDeadLetters_AreCountedAsTheyOpenAndClose_AndThoseFromBeforeTheIndexAreIndexedOnce()
    {
        var deadLetters = _app.Services.GetRequiredService<IDeadLetterStore>();
        var open = _app.Services.GetRequiredService<OpenDeadLetters>();
        var actions = _app.Services.GetRequiredService<DeadLetterActions>();
        foreach (var id in new[] { "evt_1", "evt_2", "evt_3" })
            await deadLetters.RecordFailureAsync(Failure(id), CancellationToken.None);
        // As if recorded before the index existed: the index is emptied, marker included.
        var index = new Azure.Data.Tables.TableServiceClient(_azurite.ConnectionString).GetTableClient("OpenDeadLetters");
        await foreach (var row in index.QueryAsync<Azure.Data.Tables.TableEntity>())
            await index.DeleteEntityAsync(row.PartitionKey, row.RowKey);

        var fresh = new OpenDeadLetters(_app.Services.GetRequiredService<CoworkSync.State.Tables.StateTables>());
        Assert.Equal((3, false), await fresh.CountAsync(100, CancellationToken.None));
        Assert.Equal((2, true), await fresh.CountAsync(2, CancellationToken.None));

        await actions.DiscardAsync("dl:evt_1", "carol", null, CancellationToken.None);
        await actions.ReplayAsync("dl:evt_2", "carol", null, CancellationToken.None);
        Assert.Equal((1, false), await open.CountAsync(100, CancellationToken.None));

        // A replayed event that fails again is open again.
        await deadLetters.RecordFailureAsync(Failure("evt_2"), CancellationToken.None);
        Assert.Equal((2, false), await open.CountAsync(100, CancellationToken.None));
    }

    private static DeadLetterFailure Failure(string eventId) => new()
    {
        Envelope = LocalFunctionApp.Event("dl", eventId),
        Reason = "UnknownConnector",
        Source = DeadLetterSources.ProcessEvent,
        Attempts = 1,
        FailedAt = DateTimeOffset.UtcNow,
    };

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
