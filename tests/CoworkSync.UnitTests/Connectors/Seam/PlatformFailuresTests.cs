using CoworkSync.Connectors.Seam;
using CoworkSync.Messaging.Processing;

namespace CoworkSync.UnitTests.Connectors.Seam;

/// <summary>What the failure policy makes of a platform failure, wherever it happened.</summary>
public sealed class PlatformFailuresTests
{
    [Fact]
    public void MissingCredentials_AreDeadLettered_AsMissingCredentials()
    {
        var failure = Assert.IsType<PermanentEventException>(PlatformFailures.ToEventException(new MissingCredentialsException("c1")));

        Assert.Equal(DeadLetterReasons.MissingCredentials, failure.Reason);
    }

    [Fact]
    public void ARefusal_IsDeadLettered_AsPlatformRefused()
    {
        var failure = Assert.IsType<PermanentEventException>(PlatformFailures.ToEventException(new PlatformException("403", isTransient: false)));

        Assert.Equal(DeadLetterReasons.PlatformRefused, failure.Reason);
    }

    [Fact]
    public void ATransientFailure_IsRetried_NoEarlierThanItsRetryAfter()
    {
        var failure = Assert.IsType<TransientEventException>(PlatformFailures.ToEventException(new PlatformException("503", isTransient: true, retryAfter: TimeSpan.FromSeconds(42))));

        Assert.Equal(TimeSpan.FromSeconds(42), failure.RetryAfter);
    }

    [Fact]
    public void AnythingElse_IsNotAPlatformFailure()
    {
        Assert.Null(PlatformFailures.ToEventException(new InvalidOperationException("a bug")));
    }
}
