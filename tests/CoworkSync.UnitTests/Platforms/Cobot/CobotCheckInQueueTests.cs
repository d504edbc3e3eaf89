using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Members.Accounts;
using CoworkSync.Messaging.Events;
using CoworkSync.NetworkAccess;
using CoworkSync.Platforms.Cobot;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CoworkSync.UnitTests.Platforms.Cobot;

public sealed class CobotCheckInQueueTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 23, 30, 0, TimeSpan.Zero));
    private readonly Mock<IEventPublisher> _publisher = new();

    private CobotCheckInQueue Queue => new(_publisher.Object, _time);

    [Fact]
    public async Task ACobotMembersSessionStart_QueuesTheCheckInForTheirLocalDay()
    {
        EventEnvelope? queued = null;
        _publisher.Setup(p => p.PublishAsync(It.IsAny<EventEnvelope>(), It.IsAny<PublishOptions>(), It.IsAny<CancellationToken>()))
            .Callback<EventEnvelope, PublishOptions, CancellationToken>((envelope, _, _) => queued = envelope)
            .Returns(Task.CompletedTask);

        await Queue.SessionStartedAsync(Start(CobotPlatform.PlatformName), CancellationToken.None);

        // 23:30 UTC is already the 4th in Berlin.
        Assert.NotNull(queued);
        Assert.Equal("checkin-co-up-m-1-2026-12-04", queued.Id);
        Assert.Equal(CobotCheckInEvent.Type, queued.Type);
    }

    [Fact]
    public async Task AnotherPlatformsSessionStart_QueuesNothing()
    {
        await Queue.SessionStartedAsync(Start("coworks"), CancellationToken.None);

        _publisher.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task ASendThatHangs_IsGivenUpAfterTheSendTimeout_SoRadiusAccountingIsAnsweredInTime()
    {
        CancellationToken sendToken = default;
        _publisher.Setup(p => p.PublishAsync(It.IsAny<EventEnvelope>(), It.IsAny<PublishOptions>(), It.IsAny<CancellationToken>()))
            .Returns<EventEnvelope, PublishOptions, CancellationToken>((_, _, token) =>
            {
                sendToken = token;
                return Task.Delay(Timeout.Infinite, token);
            });

        var started = Queue.SessionStartedAsync(Start(CobotPlatform.PlatformName), CancellationToken.None);
        _time.Advance(CobotCheckInQueue.SendTimeout - TimeSpan.FromMilliseconds(1));
        Assert.False(sendToken.IsCancellationRequested);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => started);
    }

    private SessionStart Start(string platform)
    {
        var account = new WifiAccount { Username = "ada@example.com", ConnectorId = "co-up", MemberId = "m-1", ProtectedPassword = "x", Enabled = true };
        var connector = new Connector { Id = "co-up", Platform = platform, DisplayName = "Co-Up" };
        return new SessionStart(account, connector, _time.GetUtcNow(), Berlin);
    }
}
