using System.Net;
using System.Text;
using System.Text.Json;
using Azure;
using CoworkSync.Messaging.Counters;
using CoworkSync.Messaging.DeadLetters;
using CoworkSync.Messaging.Events;
using CoworkSync.Messaging.Processing;
using CoworkSync.State.CrashPoints;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CoworkSync.UnitTests.Messaging.Processing;

public sealed class EventProcessorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly Mock<IEventHandler> _handler = new();
    private readonly Mock<IProcessedEventStore> _processed = new();
    private readonly Mock<IDeadLetterStore> _deadLetters = new();
    private readonly Mock<IEventPublisher> _publisher = new();
    private readonly EventProcessingOptions _options = new() { MaxAttempts = 3, BaseRetryDelay = TimeSpan.FromSeconds(10), MaxRetryDelay = TimeSpan.FromMinutes(5) };
    private readonly List<DeadLetterFailure> _recorded = [];
    private static readonly EventClaim Claim = new(EventClaimStatus.Claimed, new ETag("claim-1"));
    private readonly EventCounters _counters = new(new FakeTimeProvider(Now));

    public EventProcessorTests()
    {
        _handler.SetupGet(h => h.EventType).Returns("test.event");
        _processed.Setup(p => p.ClaimAsync(It.IsAny<EventEnvelope>(), It.IsAny<DateTimeOffset>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Claim);
        _deadLetters.Setup(d => d.RecordFailureAsync(It.IsAny<DeadLetterFailure>(), It.IsAny<CancellationToken>()))
            .Callback<DeadLetterFailure, CancellationToken>((f, _) => _recorded.Add(f))
            .ReturnsAsync((DeadLetterFailure f, CancellationToken _) => new DeadLetter { Id = f.DeadLetterId, Reason = f.Reason, Source = f.Source });
    }

    [Fact]
    public async Task ProcessAsync_HandlerSucceeds_AppliesAndRecordsTheEvent()
    {
        var outcome = await CreateSut().ProcessAsync(Delivery(Envelope()), CancellationToken.None);

        Assert.Equal(ProcessingOutcome.Applied, outcome);
        _handler.Verify(h => h.HandleAsync(It.Is<EventEnvelope>(e => e.Id == "evt_1"), It.IsAny<CancellationToken>()), Times.Once);
        _processed.Verify(p => p.MarkAppliedAsync(It.Is<EventEnvelope>(e => e.Id == "evt_1"), Now, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ProcessAsync_EventAlreadyApplied_DoesNotCallTheHandler()
    {
        _processed.Setup(p => p.ClaimAsync(It.IsAny<EventEnvelope>(), It.IsAny<DateTimeOffset>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(EventClaim.Applied);

        var outcome = await CreateSut().ProcessAsync(Delivery(Envelope()), CancellationToken.None);

        Assert.Equal(ProcessingOutcome.AlreadyApplied, outcome);
        _handler.Verify(h => h.HandleAsync(It.IsAny<EventEnvelope>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ProcessAsync_EventHeldByAnotherDelivery_IsNotApplied_ButSentAgainForWhenThatClaimEnds()
    {
        // The holder may be applying it, or may have died holding it (this message's own earlier delivery, killed):
        // completing this delivery as a duplicate would lose the event in the second case.
        var heldUntil = Now.AddMinutes(4);
        _processed.Setup(p => p.ClaimAsync(It.IsAny<EventEnvelope>(), It.IsAny<DateTimeOffset>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(EventClaim.Elsewhere(heldUntil));

        var outcome = await CreateSut().ProcessAsync(Delivery(Envelope(attempt: 2)), CancellationToken.None);

        Assert.Equal(ProcessingOutcome.InProgressElsewhere, outcome);
        _handler.Verify(h => h.HandleAsync(It.IsAny<EventEnvelope>(), It.IsAny<CancellationToken>()), Times.Never);
        _publisher.Verify(p => p.PublishAsync(
            It.Is<EventEnvelope>(e => e.Id == "evt_1" && e.Attempt == 2),
            It.Is<PublishOptions>(o => o.Delay == TimeSpan.FromMinutes(4) + EventProcessor.CheckBackMargin && o.MessageId == $"evt_1:attempt:2:held-until:{heldUntil.UtcTicks}"),
            It.IsAny<CancellationToken>()), Times.Once);
        _processed.Verify(p => p.ReleaseAsync(It.IsAny<EventEnvelope>(), It.IsAny<EventClaim>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ProcessAsync_EventHeldByAnotherDelivery_WhenTheCopyCannotBeSent_FailsTheDelivery()
    {
        _processed.Setup(p => p.ClaimAsync(It.IsAny<EventEnvelope>(), It.IsAny<DateTimeOffset>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(EventClaim.Elsewhere(Now.AddMinutes(1)));
        _publisher.Setup(p => p.PublishAsync(It.IsAny<EventEnvelope>(), It.IsAny<PublishOptions>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new EventPublishException("queue down", isTransient: true));

        await Assert.ThrowsAsync<EventPublishException>(() => CreateSut().ProcessAsync(Delivery(Envelope()), CancellationToken.None));
    }

    [Fact]
    public async Task ProcessAsync_ClaimsTheEventForTheLeaseBeforeApplyingIt()
    {
        await CreateSut().ProcessAsync(Delivery(Envelope()), CancellationToken.None);

        _processed.Verify(p => p.ClaimAsync(It.Is<EventEnvelope>(e => e.Id == "evt_1"), Now, _options.ClaimLease, It.IsAny<CancellationToken>()), Times.Once);
        _processed.Verify(p => p.ReleaseAsync(It.IsAny<EventEnvelope>(), It.IsAny<EventClaim>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ProcessAsync_MalformedBody_RecordsADeadLetterWithTheRawMessage()
    {
        var outcome = await CreateSut().ProcessAsync(new QueueDelivery(Encoding.UTF8.GetBytes("{oops"), "m-1", 1), CancellationToken.None);

        Assert.Equal(ProcessingOutcome.DeadLettered, outcome);
        var failure = Assert.Single(_recorded);
        Assert.Equal(DeadLetterReasons.MalformedMessage, failure.Reason);
        Assert.Equal("{oops", failure.RawMessage);
        Assert.Equal("unknown:m-1", failure.DeadLetterId);
    }

    [Fact]
    public async Task ProcessAsync_UnknownEventType_IsDeadLetteredWithoutRetry()
    {
        var outcome = await CreateSut().ProcessAsync(Delivery(Envelope(type: "nobody.handles")), CancellationToken.None);

        Assert.Equal(ProcessingOutcome.DeadLettered, outcome);
        Assert.Equal(DeadLetterReasons.UnknownEventType, Assert.Single(_recorded).Reason);
        _publisher.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task ProcessAsync_PermanentFailure_IsDeadLetteredWithItsReason()
    {
        _handler.Setup(h => h.HandleAsync(It.IsAny<EventEnvelope>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new PermanentEventException(DeadLetterReasons.UnknownConnector, "Connector 'c1' does not exist."));

        var outcome = await CreateSut().ProcessAsync(Delivery(Envelope()), CancellationToken.None);

        Assert.Equal(ProcessingOutcome.DeadLettered, outcome);
        var failure = Assert.Single(_recorded);
        Assert.Equal(DeadLetterReasons.UnknownConnector, failure.Reason);
        Assert.Equal("Connector 'c1' does not exist.", failure.ErrorDescription);
        _processed.Verify(p => p.ReleaseAsync(It.IsAny<EventEnvelope>(), Claim, It.IsAny<CancellationToken>()), Times.Once);
        _processed.Verify(p => p.MarkAppliedAsync(It.IsAny<EventEnvelope>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ProcessAsync_InvalidPayloadJson_IsDeadLetteredAsInvalidPayload()
    {
        _handler.Setup(h => h.HandleAsync(It.IsAny<EventEnvelope>(), It.IsAny<CancellationToken>())).ThrowsAsync(new JsonException("bad"));

        await CreateSut().ProcessAsync(Delivery(Envelope()), CancellationToken.None);

        Assert.Equal(DeadLetterReasons.InvalidPayload, Assert.Single(_recorded).Reason);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    [InlineData(412)]
    public async Task ProcessAsync_TransientStorageFailure_RepublishesTheNextAttemptWithBackoff(int status)
    {
        _handler.Setup(h => h.HandleAsync(It.IsAny<EventEnvelope>(), It.IsAny<CancellationToken>())).ThrowsAsync(new RequestFailedException(status, "busy"));
        EventEnvelope? republished = null;
        PublishOptions? sent = null;
        _publisher.Setup(p => p.PublishAsync(It.IsAny<EventEnvelope>(), It.IsAny<PublishOptions>(), It.IsAny<CancellationToken>()))
            .Callback<EventEnvelope, PublishOptions, CancellationToken>((e, o, _) => (republished, sent) = (e, o))
            .Returns(Task.CompletedTask);

        var outcome = await CreateSut().ProcessAsync(Delivery(Envelope(attempt: 2)), CancellationToken.None);

        Assert.Equal(ProcessingOutcome.RetryScheduled, outcome);
        Assert.Equal(3, republished!.Attempt);
        Assert.Equal("evt_1", republished.Id);
        Assert.Equal("evt_1:attempt:3", sent!.MessageId);
        Assert.InRange(sent.Delay, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(24));
        Assert.Empty(_recorded);
        _processed.Verify(p => p.ReleaseAsync(It.IsAny<EventEnvelope>(), Claim, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData(600, 600)]
    [InlineData(3, 10)]
    public async Task ProcessAsync_TransientFailureWithRetryAfter_IsRescheduledNoEarlierThanIt(int retryAfterSeconds, int atLeastSeconds)
    {
        _handler.Setup(h => h.HandleAsync(It.IsAny<EventEnvelope>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TransientEventException("throttled", retryAfter: TimeSpan.FromSeconds(retryAfterSeconds)));
        PublishOptions? sent = null;
        _publisher.Setup(p => p.PublishAsync(It.IsAny<EventEnvelope>(), It.IsAny<PublishOptions>(), It.IsAny<CancellationToken>()))
            .Callback<EventEnvelope, PublishOptions, CancellationToken>((_, o, _) => sent = o)
            .Returns(Task.CompletedTask);

        var outcome = await CreateSut().ProcessAsync(Delivery(Envelope(attempt: 1)), CancellationToken.None);

        Assert.Equal(ProcessingOutcome.RetryScheduled, outcome);
        // The first retry's backoff is 10-12 s: a longer Retry-After wins (even past MaxRetryDelay), a shorter one does not shorten it.
        Assert.InRange(sent!.Delay, TimeSpan.FromSeconds(atLeastSeconds), TimeSpan.FromSeconds(Math.Max(atLeastSeconds, 12)));
    }

    [Fact]
    public async Task ProcessAsync_TransientFailure_ReleasesTheClaimBeforeTheRetryCanArrive()
    {
        var order = new List<string>();
        _handler.Setup(h => h.HandleAsync(It.IsAny<EventEnvelope>(), It.IsAny<CancellationToken>())).ThrowsAsync(new TransientEventException("down"));
        _processed.Setup(p => p.ReleaseAsync(It.IsAny<EventEnvelope>(), It.IsAny<EventClaim>(), It.IsAny<CancellationToken>()))
            .Callback(() => order.Add("release")).Returns(Task.CompletedTask);
        _publisher.Setup(p => p.PublishAsync(It.IsAny<EventEnvelope>(), It.IsAny<PublishOptions>(), It.IsAny<CancellationToken>()))
            .Callback(() => order.Add("publish")).Returns(Task.CompletedTask);

        await CreateSut().ProcessAsync(Delivery(Envelope()), CancellationToken.None);

        Assert.Equal(["release", "publish"], order);
    }

    [Fact]
    public async Task ProcessAsync_TransientFailureOnTheLastAttempt_IsDeadLetteredAsRetriesExhausted()
    {
        _handler.Setup(h => h.HandleAsync(It.IsAny<EventEnvelope>(), It.IsAny<CancellationToken>())).ThrowsAsync(new TransientEventException("platform down"));

        var outcome = await CreateSut().ProcessAsync(Delivery(Envelope(attempt: 3)), CancellationToken.None);

        Assert.Equal(ProcessingOutcome.DeadLettered, outcome);
        var failure = Assert.Single(_recorded);
        Assert.Equal(DeadLetterReasons.RetriesExhausted, failure.Reason);
        Assert.Contains("platform down", failure.ErrorDescription);
        Assert.Equal(3, failure.Attempts);
        _publisher.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task ProcessAsync_RetryCannotBePublished_ThrowsSoTheBrokerRedelivers()
    {
        _handler.Setup(h => h.HandleAsync(It.IsAny<EventEnvelope>(), It.IsAny<CancellationToken>())).ThrowsAsync(new TransientEventException("down"));
        _publisher.Setup(p => p.PublishAsync(It.IsAny<EventEnvelope>(), It.IsAny<PublishOptions>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new EventPublishException("queue down", isTransient: true));

        await Assert.ThrowsAsync<EventPublishException>(() => CreateSut().ProcessAsync(Delivery(Envelope()), CancellationToken.None));
    }

    [Fact]
    public async Task ProcessAsync_UnexpectedException_PropagatesWithoutRecordingAnything()
    {
        _handler.Setup(h => h.HandleAsync(It.IsAny<EventEnvelope>(), It.IsAny<CancellationToken>())).ThrowsAsync(new NullReferenceException());

        await Assert.ThrowsAsync<NullReferenceException>(() => CreateSut().ProcessAsync(Delivery(Envelope()), CancellationToken.None));

        Assert.Empty(_recorded);
        _publisher.VerifyNoOtherCalls();
        _processed.Verify(p => p.ReleaseAsync(It.IsAny<EventEnvelope>(), Claim, It.IsAny<CancellationToken>()), Times.Once);
        _processed.Verify(p => p.MarkAppliedAsync(It.IsAny<EventEnvelope>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ProcessAsync_CountsEachOutcomeInItsHour()
    {
        await CreateSut().ProcessAsync(Delivery(Envelope()), CancellationToken.None);
        _handler.Setup(h => h.HandleAsync(It.IsAny<EventEnvelope>(), It.IsAny<CancellationToken>())).ThrowsAsync(new TransientEventException("down"));
        await CreateSut().ProcessAsync(Delivery(Envelope()), CancellationToken.None);
        await CreateSut().ProcessAsync(Delivery(Envelope(attempt: _options.MaxAttempts)), CancellationToken.None);
        _processed.Setup(p => p.ClaimAsync(It.IsAny<EventEnvelope>(), It.IsAny<DateTimeOffset>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(EventClaim.Applied);
        await CreateSut().ProcessAsync(Delivery(Envelope()), CancellationToken.None);

        var hour = Assert.Single(_counters.Totals());
        Assert.Equal(new HourTotals(HourTotals.HourOf(Now), Accepted: 0, Applied: 1, Retried: 1, DeadLettered: 1), hour);
    }

    [Fact]
    public void Classify_HttpNotFound_IsACrashNotARetry() =>
        Assert.Equal(FailureKind.Crash, FailureClassifier.Classify(new HttpRequestException("nf", null, HttpStatusCode.NotFound), CancellationToken.None).Kind);

    private EventProcessor CreateSut() => new(
        new EventHandlerRegistry([_handler.Object]), _processed.Object, _deadLetters.Object, _publisher.Object,
        Options.Create(_options), new FakeTimeProvider(Now), new NoCrashPoints(), NullLogger<EventProcessor>.Instance, _counters);

    private static EventEnvelope Envelope(string type = "test.event", int attempt = 1) => new()
    {
        Id = "evt_1",
        Type = type,
        ConnectorId = "c1",
        OccurredAt = Now.AddMinutes(-1),
        Attempt = attempt,
        Payload = JsonDocument.Parse("{}").RootElement,
    };

    private static QueueDelivery Delivery(EventEnvelope envelope) => new(EventEnvelopeJson.Serialize(envelope), envelope.Id, 1);
}
