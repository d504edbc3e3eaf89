using Azure;
using CoworkSync.State.Tables;
using Microsoft.Extensions.Time.Testing;

namespace CoworkSync.UnitTests.State.Tables;

public sealed class OptimisticConcurrencyTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task AConflict_IsTriedAgain_AfterAPauseOnTheGivenClock()
    {
        var attempts = 0;
        var run = OptimisticConcurrency.RunAsync(_ =>
            ++attempts == 1 ? throw new RequestFailedException(412, "precondition failed") : Task.FromResult("saved"), _time, CancellationToken.None);

        // The first attempt's pause is 5 to 20 ms of this clock: nothing happens until it moves.
        Assert.Equal(1, attempts);
        Assert.False(run.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(20));

        Assert.Equal("saved", await run.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task ConflictsUntilTheLastAttempt_GiveUpWithConcurrencyConflict()
    {
        var attempts = 0;
        var run = OptimisticConcurrency.RunAsync<string>(_ =>
        {
            attempts++;
            throw new RequestFailedException(409, "conflict");
        }, _time, CancellationToken.None, maxAttempts: 3);

        for (var i = 0; i < 1000 && !run.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(60));
            await Task.Yield();
        }

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => run);
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task AnotherFailure_IsNotRetried()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<RequestFailedException>(() => OptimisticConcurrency.RunAsync<string>(_ =>
        {
            attempts++;
            throw new RequestFailedException(503, "unavailable");
        }, _time, CancellationToken.None));

        Assert.Equal(1, attempts);
    }
}
