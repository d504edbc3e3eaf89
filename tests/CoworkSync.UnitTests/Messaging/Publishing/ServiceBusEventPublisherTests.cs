using Azure.Identity;
using Azure.Messaging.ServiceBus;
using CoworkSync.Messaging.Events;
using CoworkSync.Messaging.Publishing;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CoworkSync.UnitTests.Messaging.Publishing;

public sealed class ServiceBusEventPublisherTests
{
    private readonly FakeTimeProvider _clock = PublishingFakes.Clock();
    private readonly ListLogger<ServiceBusEventPublisher> _logger = new();
    private readonly RecordingSender _sender = new();
    private readonly ServiceBusEventPublisher _publisher;

    public ServiceBusEventPublisherTests() => _publisher = new ServiceBusEventPublisher(_sender.Object, _clock, _logger);

    [Fact]
    public async Task PublishAsync_FirstPublication_SendsTheEnvelopeAsJsonWithTheEventIdAsMessageId()
    {
        var envelope = PublishingFakes.Envelope();

        await _publisher.PublishAsync(envelope, PublishOptions.First(envelope), CancellationToken.None);

        var message = Assert.Single(_sender.Sent);
        Assert.Equal("evt-1", message.MessageId);
        Assert.Equal("member.updated", message.Subject);
        Assert.Equal("application/json", message.ContentType);
        Assert.Equal(EventEnvelopeJson.Serialize(envelope), message.Body.ToArray());
        Assert.Equal(default, message.ScheduledEnqueueTime);
    }

    [Fact]
    public async Task PublishAsync_Retry_MessageIdNamesTheAttempt_AndIsScheduledAfterTheDelay()
    {
        var retried = PublishingFakes.Envelope().NextAttempt();

        await _publisher.PublishAsync(retried, PublishOptions.Retry(retried, TimeSpan.FromSeconds(10)), CancellationToken.None);

        var message = Assert.Single(_sender.Sent);
        Assert.Equal("evt-1:attempt:2", message.MessageId);
        Assert.Equal(PublishingFakes.Now.AddSeconds(10), message.ScheduledEnqueueTime);
        Assert.Equal(2, EventEnvelopeJson.Deserialize(message.Body.ToArray()).Attempt);
    }

    [Fact]
    public async Task PublishAsync_DelayPastMidnightOfTheYear_IsScheduledInTheNextYear()
    {
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 31, 23, 59, 0, TimeSpan.Zero));
        var envelope = PublishingFakes.Envelope();

        await _publisher.PublishAsync(envelope, new PublishOptions("m-1", TimeSpan.FromMinutes(2)), CancellationToken.None);

        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 1, 0, TimeSpan.Zero), Assert.Single(_sender.Sent).ScheduledEnqueueTime);
    }

    [Fact]
    public async Task PublishAsync_TwoReplays_EachHasAMessageIdOfItsOwn_AndTheSameEventInside()
    {
        var envelope = PublishingFakes.Envelope();

        await _publisher.PublishAsync(envelope, PublishOptions.Replay(envelope, "r1"), CancellationToken.None);
        await _publisher.PublishAsync(envelope, PublishOptions.Replay(envelope, "r2"), CancellationToken.None);

        Assert.Equal(["evt-1:replay:r1", "evt-1:replay:r2"], _sender.Sent.Select(m => m.MessageId));
        Assert.All(_sender.Sent, m => Assert.Equal("evt-1", EventEnvelopeJson.Deserialize(m.Body.ToArray()).Id));
        Assert.All(_sender.Sent, m => Assert.Equal(default, m.ScheduledEnqueueTime));
    }

    [Theory]
    [InlineData(ServiceBusFailureReason.ServiceBusy)]
    [InlineData(ServiceBusFailureReason.ServiceTimeout)]
    [InlineData(ServiceBusFailureReason.ServiceCommunicationProblem)]
    public async Task PublishAsync_TransientServiceBusFailure_ThrowsTransient(ServiceBusFailureReason reason)
    {
        _sender.Mock.Setup(s => s.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>())).ThrowsAsync(PublishingFakes.Failure(reason));
        var envelope = PublishingFakes.Envelope();

        var ex = await Assert.ThrowsAsync<EventPublishException>(() => _publisher.PublishAsync(envelope, PublishOptions.First(envelope), CancellationToken.None));

        Assert.True(ex.IsTransient);
        Assert.Contains("evt-1", ex.Message, StringComparison.Ordinal);
        Assert.Contains(reason.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.Contains(_logger.Lines, line => line.StartsWith("Warning:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ServiceBusFailureReason.MessagingEntityNotFound)]
    [InlineData(ServiceBusFailureReason.MessageSizeExceeded)]
    [InlineData(ServiceBusFailureReason.MessagingEntityDisabled)]
    public async Task PublishAsync_LastingServiceBusFailure_ThrowsNotTransient(ServiceBusFailureReason reason)
    {
        _sender.Mock.Setup(s => s.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>())).ThrowsAsync(PublishingFakes.Failure(reason));
        var envelope = PublishingFakes.Envelope();

        var ex = await Assert.ThrowsAsync<EventPublishException>(() => _publisher.PublishAsync(envelope, PublishOptions.First(envelope), CancellationToken.None));

        Assert.False(ex.IsTransient);
        Assert.Contains(_logger.Lines, line => line.StartsWith("Error:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PublishAsync_IdentityMayNotSend_ThrowsNotTransient_NamingTheRole()
    {
        _sender.Mock.Setup(s => s.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new UnauthorizedAccessException("Unauthorized access. 'Send' claim(s) are required to perform this operation."));
        var envelope = PublishingFakes.Envelope();

        var ex = await Assert.ThrowsAsync<EventPublishException>(() => _publisher.PublishAsync(envelope, PublishOptions.First(envelope), CancellationToken.None));

        Assert.False(ex.IsTransient);
        Assert.Contains("Azure Service Bus Data Sender", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_NoCredentialAvailable_ThrowsNotTransient()
    {
        _sender.Mock.Setup(s => s.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new CredentialUnavailableException("No managed identity endpoint found"));
        var envelope = PublishingFakes.Envelope();

        var ex = await Assert.ThrowsAsync<EventPublishException>(() => _publisher.PublishAsync(envelope, PublishOptions.First(envelope), CancellationToken.None));

        Assert.False(ex.IsTransient);
    }

    [Fact]
    public async Task PublishAsync_TokenRequestFails_ThrowsTransient()
    {
        _sender.Mock.Setup(s => s.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new AuthenticationFailedException("The token endpoint answered 500"));
        var envelope = PublishingFakes.Envelope();

        var ex = await Assert.ThrowsAsync<EventPublishException>(() => _publisher.PublishAsync(envelope, PublishOptions.First(envelope), CancellationToken.None));

        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task PublishAsync_NoAnswerWithinTheSendTimeout_ThrowsTransient()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _sender.Mock.Setup(s => s.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>()))
            .Returns<ServiceBusMessage, CancellationToken>(async (_, ct) =>
            {
                started.SetResult();
                await Task.Delay(Timeout.Infinite, ct);
            });
        var envelope = PublishingFakes.Envelope();

        var publish = _publisher.PublishAsync(envelope, PublishOptions.First(envelope), CancellationToken.None);
        await started.Task;
        _clock.Advance(ServiceBusEventPublisher.SendTimeout + TimeSpan.FromSeconds(1));
        var ex = await Assert.ThrowsAsync<EventPublishException>(() => publish);

        Assert.True(ex.IsTransient);
        Assert.Equal("Service Bus did not answer within 30 s to message evt-1.", ex.Message);
    }

    [Fact]
    public async Task PublishAsync_CallerCancels_ThrowsOperationCanceled()
    {
        using var cancel = new CancellationTokenSource();
        _sender.Mock.Setup(s => s.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>()))
            .Returns<ServiceBusMessage, CancellationToken>(async (_, ct) =>
            {
                await cancel.CancelAsync();
                ct.ThrowIfCancellationRequested();
            });
        var envelope = PublishingFakes.Envelope();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _publisher.PublishAsync(envelope, PublishOptions.First(envelope), cancel.Token));
    }

    [Fact]
    public async Task PublishAsync_MessageIdLongerThanServiceBusAccepts_ThrowsNotTransient_WithoutSending()
    {
        var envelope = PublishingFakes.Envelope(new string('e', 100));

        var ex = await Assert.ThrowsAsync<EventPublishException>(() =>
            _publisher.PublishAsync(envelope, PublishOptions.Replay(envelope, Guid.NewGuid().ToString("N")), CancellationToken.None));

        Assert.False(ex.IsTransient);
        Assert.Contains("128", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_sender.Sent);
    }

    [Fact]
    public async Task PublishBatchAsync_FewEvents_OneBatchInOrder_EachWithItsOwnIdAndSchedule()
    {
        var first = PublishingFakes.Envelope("evt-1");
        var retried = PublishingFakes.Envelope("evt-2").NextAttempt();
        var replayed = PublishingFakes.Envelope("evt-3");

        await _publisher.PublishBatchAsync(
        [
            EventPublication.First(first),
            new EventPublication(retried, PublishOptions.Retry(retried, TimeSpan.FromMinutes(1))),
            new EventPublication(replayed, PublishOptions.Replay(replayed, "r1")),
        ], CancellationToken.None);

        var batch = Assert.Single(_sender.SentBatches);
        Assert.Equal(["evt-1", "evt-2:attempt:2", "evt-3:replay:r1"], batch.Select(m => m.MessageId));
        Assert.Equal([default, PublishingFakes.Now.AddMinutes(1), default], batch.Select(m => m.ScheduledEnqueueTime));
        Assert.All(batch, m => Assert.Equal("member.updated", m.Subject));
        Assert.Equal(EventEnvelopeJson.Serialize(retried), batch[1].Body.ToArray());
        Assert.Empty(_sender.Sent);
    }

    [Fact]
    public async Task PublishBatchAsync_MoreThanOneBatchHolds_GoesOutInSeveralBatches_NoneOverItsLimit()
    {
        _sender.BatchCapacity = 2;
        var envelopes = Enumerable.Range(1, 5).Select(i => PublishingFakes.Envelope($"evt-{i}")).ToList();

        await _publisher.PublishBatchAsync([.. envelopes.Select(EventPublication.First)], CancellationToken.None);

        Assert.Equal([2, 2, 1], _sender.SentBatches.Select(b => b.Count));
        Assert.Equal(envelopes.Select(e => e.Id), _sender.SentBatches.SelectMany(b => b).Select(m => m.MessageId));
        Assert.Equal(3, _sender.BatchesCreated);
    }

    [Fact]
    public async Task PublishBatchAsync_Nothing_SendsNothing()
    {
        await _publisher.PublishBatchAsync([], CancellationToken.None);

        Assert.Equal(0, _sender.BatchesCreated);
        Assert.Empty(_sender.SentBatches);
    }

    [Fact]
    public async Task PublishBatchAsync_ALaterBatchFails_ThrowsTransient_SayingHowManyWereSent()
    {
        _sender.BatchCapacity = 2;
        _sender.BatchFailure = send => send == 1 ? PublishingFakes.Failure(ServiceBusFailureReason.ServiceBusy) : null;
        var envelopes = Enumerable.Range(1, 5).Select(i => PublishingFakes.Envelope($"evt-{i}")).ToList();

        var ex = await Assert.ThrowsAsync<EventPublishException>(() =>
            _publisher.PublishBatchAsync([.. envelopes.Select(EventPublication.First)], CancellationToken.None));

        Assert.True(ex.IsTransient);
        Assert.Contains("evt-3", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2 of 5 messages sent before it", ex.Message, StringComparison.Ordinal);
        Assert.Equal(["evt-1", "evt-2"], Assert.Single(_sender.SentBatches).Select(m => m.MessageId));
    }

    [Fact]
    public async Task PublishBatchAsync_AMessageNoBatchCanHold_ThrowsNotTransient_AfterSendingThoseBeforeIt()
    {
        var small = PublishingFakes.Envelope("evt-small");
        var huge = PublishingFakes.Envelope("evt-huge");
        _sender.Mock.Setup(s => s.CreateMessageBatchAsync(It.IsAny<CancellationToken>()))
            .Returns(() =>
            {
                var contents = new List<ServiceBusMessage>();
                var batch = ServiceBusModelFactory.ServiceBusMessageBatch(0, contents, new CreateMessageBatchOptions { MaxSizeInBytes = RecordingSender.MaxBatchBytes }, tryAddCallback: m => m.MessageId != "evt-huge");
                return ValueTask.FromResult(batch);
            });
        _sender.Mock.Setup(s => s.SendMessagesAsync(It.IsAny<ServiceBusMessageBatch>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        var ex = await Assert.ThrowsAsync<EventPublishException>(() =>
            _publisher.PublishBatchAsync([EventPublication.First(small), EventPublication.First(huge)], CancellationToken.None));

        Assert.False(ex.IsTransient);
        Assert.Contains("evt-huge", ex.Message, StringComparison.Ordinal);
        Assert.Contains("1 of 2 messages were sent", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"batch of {RecordingSender.MaxBatchBytes} bytes", ex.Message, StringComparison.Ordinal);
        _sender.Mock.Verify(s => s.SendMessagesAsync(It.IsAny<ServiceBusMessageBatch>(), It.IsAny<CancellationToken>()), Times.Once);
    }
}
