using CoworkSync.Messaging.Processing;

namespace CoworkSync.UnitTests.Messaging.Processing;

public sealed class RetryBackoffTests
{
    private static readonly EventProcessingOptions Options = new() { BaseRetryDelay = TimeSpan.FromSeconds(10), MaxRetryDelay = TimeSpan.FromMinutes(15) };

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 40)]
    [InlineData(7, 640)]
    public void DelayAfter_WithoutJitter_DoublesPerAttempt(int attempt, int expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), RetryBackoff.DelayAfter(attempt, Options, jitter: 0));

    [Fact]
    public void DelayAfter_ManyAttempts_IsCapped() =>
        Assert.Equal(Options.MaxRetryDelay, RetryBackoff.DelayAfter(50, Options, jitter: 0.99));

    [Fact]
    public void DelayAfter_Jitter_AddsAtMostTwentyPercent()
    {
        var delay = RetryBackoff.DelayAfter(2, Options, jitter: 0.999);
        Assert.InRange(delay, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(24));
    }
}
