using CoworkSync.State.Caching;
using Microsoft.Extensions.Time.Testing;

namespace CoworkSync.UnitTests.State.Caching;

public sealed class TtlCacheTests
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(3);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly List<TaskCompletionSource<string?>> _reads = [];

    [Fact]
    public async Task AValue_IsServedFromMemoryUntilTheTtlAfterItsReadBegan_ThenReadAgain()
    {
        var cache = new TtlCache<string, string?>(Ttl, _time);
        var first = cache.GetAsync("ada", Read, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1)); // the read itself takes a second
        _reads[0].SetResult("v1");
        Assert.Equal("v1", await first);

        _time.Advance(TimeSpan.FromSeconds(1.999));
        Assert.Equal("v1", await cache.GetAsync("ada", Read, CancellationToken.None));
        Assert.Single(_reads);

        _time.Advance(TimeSpan.FromMilliseconds(1)); // 3 s after the read began, though only 2 s after it ended
        var again = cache.GetAsync("ada", Read, CancellationToken.None);
        Assert.Equal(2, _reads.Count);
        _reads[1].SetResult("v2");
        Assert.Equal("v2", await again);
    }

    [Fact]
    public async Task CallersAtOnce_ShareOneRead()
    {
        var cache = new TtlCache<string, string?>(Ttl, _time);

        var callers = Enumerable.Range(0, 5).Select(_ => cache.GetAsync("ada", Read, CancellationToken.None)).ToList();
        _reads.Single().SetResult("v1");

        Assert.All(await Task.WhenAll(callers), value => Assert.Equal("v1", value));
    }

    [Fact]
    public async Task NoValue_IsKeptForTheSameTtl()
    {
        var cache = new TtlCache<string, string?>(Ttl, _time);
        var first = cache.GetAsync("new", Read, CancellationToken.None);
        _reads[0].SetResult(null);
        Assert.Null(await first);

        Assert.Null(await cache.GetAsync("new", Read, CancellationToken.None));
        _time.Advance(Ttl);
        var created = cache.GetAsync("new", Read, CancellationToken.None);
        _reads[1].SetResult("created meanwhile");

        Assert.Equal("created meanwhile", await created);
    }

    [Fact]
    public async Task Invalidate_MakesTheNextCallerReadAgain()
    {
        var cache = new TtlCache<string, string?>(Ttl, _time);
        var first = cache.GetAsync("ada", Read, CancellationToken.None);
        _reads[0].SetResult("enabled");
        await first;

        cache.Invalidate("ada");
        var next = cache.GetAsync("ada", Read, CancellationToken.None);
        _reads[1].SetResult("disabled");

        Assert.Equal("disabled", await next);
    }

    [Fact]
    public async Task AReadRunningWhenInvalidated_AnswersItsCallers_ButIsNotKept()
    {
        var cache = new TtlCache<string, string?>(Ttl, _time);
        var before = cache.GetAsync("ada", Read, CancellationToken.None);

        cache.Invalidate("ada");
        var after = cache.GetAsync("ada", Read, CancellationToken.None);
        _reads[0].SetResult("old");
        _reads[1].SetResult("new");

        Assert.Equal("old", await before);
        Assert.Equal("new", await after);
        Assert.Equal("new", await cache.GetAsync("ada", Read, CancellationToken.None));
    }

    [Fact]
    public async Task AFailedRead_IsNotKept()
    {
        var cache = new TtlCache<string, string?>(Ttl, _time);
        var failing = cache.GetAsync("ada", Read, CancellationToken.None);
        _reads[0].SetException(new InvalidOperationException("storage down"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);

        var next = cache.GetAsync("ada", Read, CancellationToken.None);
        _reads[1].SetResult("v1");

        Assert.Equal("v1", await next);
    }

    [Fact]
    public async Task AClockThatMovesBack_ExpiresTheValue()
    {
        var cache = new TtlCache<string, string?>(Ttl, _time);
        var first = cache.GetAsync("ada", Read, CancellationToken.None);
        _reads[0].SetResult("v1");
        await first;

        _time.AdjustTime(_time.GetUtcNow().AddSeconds(-1));
        var next = cache.GetAsync("ada", Read, CancellationToken.None);

        Assert.Equal(2, _reads.Count);
        _reads[1].SetResult("v2");
        Assert.Equal("v2", await next);
    }

    [Fact]
    public async Task AZeroTtl_ReadsEveryTime()
    {
        var cache = new TtlCache<string, string?>(TimeSpan.Zero, _time);
        var first = cache.GetAsync("ada", Read, CancellationToken.None);
        var second = cache.GetAsync("ada", Read, CancellationToken.None);
        _reads[0].SetResult("a");
        _reads[1].SetResult("b");

        Assert.Equal(("a", "b"), (await first, await second));
    }

    [Fact]
    public async Task ExpiredEntries_AreSweptOnceTheCacheHasGrown()
    {
        var cache = new TtlCache<int, string?>(Ttl, _time);
        for (var i = 0; i < 1024; i++)
            await cache.GetAsync(i, _ => Task.FromResult<string?>("x"), CancellationToken.None);
        _time.Advance(Ttl);

        await cache.GetAsync(-1, _ => Task.FromResult<string?>("x"), CancellationToken.None);

        Assert.Equal(1, cache.Count);
    }

    private Task<string?> Read(string key)
    {
        var read = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _reads.Add(read);
        return read.Task;
    }
}
