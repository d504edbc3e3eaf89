using CoworkSync.State.Caching;
using CoworkSync.UnitTests.Messaging.Publishing;
using Microsoft.Extensions.Time.Testing;

namespace CoworkSync.UnitTests.State.Caching;

public sealed class StaleWhileRefreshCacheTests
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly BlockingStore _store = new();
    private readonly ListLogger<StaleWhileRefreshCacheTests> _logger = new();

    [Fact]
    public async Task TheFirstRead_WaitsForTheStore_AndCallersAtOnceShareOneLoad()
    {
        var cache = NewCache();

        var first = cache.GetAsync(CancellationToken.None);
        var second = cache.GetAsync(CancellationToken.None);

        Assert.False(first.IsCompleted);
        Assert.Equal(1, _store.Loads);
        await _store.CompleteAsync(0, "v1");
        Assert.Equal("v1", await first);
        Assert.Equal("v1", await second);
    }

    [Fact]
    public async Task AnExpiredValue_IsServedAtOnce_WhileOneBackgroundLoadReplacesIt()
    {
        var cache = await LoadedCacheAsync("v1");
        _time.Advance(Freshness);

        var whileReloading = Enumerable.Range(0, 5).Select(_ => cache.GetAsync(CancellationToken.None)).ToList();

        Assert.All(whileReloading, read => Assert.Equal("v1", read.IsCompletedSuccessfully ? read.Result : "still waiting"));
        Assert.Equal(2, _store.Loads);
        await _store.CompleteAsync(1, "v2");
        Assert.Equal("v2", await cache.GetAsync(CancellationToken.None));
        Assert.Equal(2, _store.Loads);
    }

    [Fact]
    public async Task AValueYoungerThanItsFreshness_IsServedWithoutALoad()
    {
        var cache = await LoadedCacheAsync("v1");
        _time.Advance(Freshness - TimeSpan.FromTicks(1));

        Assert.Equal("v1", await cache.GetAsync(CancellationToken.None));
        Assert.Equal(1, _store.Loads);
    }

    [Fact]
    public async Task AfterInvalidate_TheNextReadWaitsForTheStore_AndNeverGetsTheOldValue()
    {
        var cache = await LoadedCacheAsync("v1");

        cache.Invalidate();
        var read = cache.GetAsync(CancellationToken.None);

        Assert.False(read.IsCompleted);
        await _store.CompleteAsync(1, "v2");
        Assert.Equal("v2", await read);
    }

    [Fact]
    public async Task ALoadStartedBeforeInvalidate_IsNotKept()
    {
        var cache = await LoadedCacheAsync("v1");
        _time.Advance(Freshness);
        await cache.GetAsync(CancellationToken.None); // starts a background load (1), which read before the change
        cache.Invalidate();

        var read = cache.GetAsync(CancellationToken.None); // a load of its own (2): (1) read too early
        await _store.CompleteAsync(2, "after the change");
        await _store.CompleteAsync(1, "before the change");

        Assert.Equal("after the change", await read);
        Assert.Equal("after the change", await cache.GetAsync(CancellationToken.None));
        Assert.Equal(3, _store.Loads);
    }

    [Fact]
    public async Task AFailedBackgroundLoad_IsLogged_TheOldValueServed_AndTheNextReadTriesAgain()
    {
        var cache = await LoadedCacheAsync("v1");
        _time.Advance(Freshness);

        Assert.Equal("v1", await cache.GetAsync(CancellationToken.None));
        Assert.Equal("v1", await cache.GetAsync(CancellationToken.None));
        await _store.FailAsync(1);

        Assert.Single(_logger.Lines, line => line.Contains("Could not refresh the cached values", StringComparison.Ordinal));
        Assert.Equal("v1", await cache.GetAsync(CancellationToken.None));
        Assert.Equal(3, _store.Loads);
        await _store.CompleteAsync(2, "v2");
        Assert.Equal("v2", await cache.GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AFailedFirstLoad_ReachesTheCaller_AndTheNextReadTriesAgain()
    {
        var cache = NewCache();

        var read = cache.GetAsync(CancellationToken.None);
        await _store.FailAsync(0);

        await Assert.ThrowsAsync<InvalidOperationException>(() => read);
        var again = cache.GetAsync(CancellationToken.None);
        await _store.CompleteAsync(1, "v1");
        Assert.Equal("v1", await again);
    }

    private StaleWhileRefreshCache<string> NewCache() => new(_store.LoadAsync, Freshness, _time, _logger, "values");

    private async Task<StaleWhileRefreshCache<string>> LoadedCacheAsync(string value)
    {
        var cache = NewCache();
        var read = cache.GetAsync(CancellationToken.None);
        await _store.CompleteAsync(0, value);
        await read;
        return cache;
    }

    /// <summary>A store whose every read waits until the test completes or fails it, by the read's number (from 0).</summary>
    private sealed class BlockingStore
    {
        private readonly List<TaskCompletionSource<string>> _reads = [];

        public int Loads
        {
            get
            {
                lock (_reads)
                    return _reads.Count;
            }
        }

        public Task<string> LoadAsync(CancellationToken cancellationToken)
        {
            var read = new TaskCompletionSource<string>();
            lock (_reads)
                _reads.Add(read);
            return read.Task;
        }

        // xUnit's synchronization context makes the cache's continuations run later on the thread pool. Ending the
        // read on a pool thread lets them run inline, so the cache has acted on it when the returned task completes.
        public Task CompleteAsync(int number, string value) => Task.Run(() => Read(number).SetResult(value));

        public Task FailAsync(int number) => Task.Run(() => Read(number).SetException(new InvalidOperationException("Storage is down.")));

        private TaskCompletionSource<string> Read(int number)
        {
            lock (_reads)
                return _reads[number];
        }
    }
}
