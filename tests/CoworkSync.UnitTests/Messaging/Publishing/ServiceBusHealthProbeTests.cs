using Azure.Identity;
using Azure.Messaging.ServiceBus;
using CoworkSync.Messaging.Publishing;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CoworkSync.UnitTests.Messaging.Publishing;

public sealed class ServiceBusHealthProbeTests
{
    private readonly FakeTimeProvider _clock = PublishingFakes.Clock();
    private readonly ListLogger<ServiceBusHealthProbe> _logger = new();
    private readonly Mock<ServiceBusReceiver> _receiver = new();
    private readonly ServiceBusHealthProbe _probe;

    public ServiceBusHealthProbeTests() => _probe = new ServiceBusHealthProbe(_receiver.Object, _clock, _logger);

    private void PeekAnswers(Exception failure) =>
        _receiver.Setup(r => r.PeekMessageAsync(It.IsAny<long?>(), It.IsAny<CancellationToken>())).ThrowsAsync(failure);

    [Fact]
    public void Name_Always_IsQueue()
    {
        Assert.Equal("queue", _probe.Name);
    }

    [Fact]
    public async Task CheckAsync_EmptyQueue_HealthyAfterOnePeek_AndNothingElse()
    {
        _receiver.Setup(r => r.PeekMessageAsync(It.IsAny<long?>(), It.IsAny<CancellationToken>())).ReturnsAsync((ServiceBusReceivedMessage?)null);

        var result = await _probe.CheckAsync(CancellationToken.None);

        Assert.True(result.Healthy);
        _receiver.Verify(r => r.PeekMessageAsync(It.IsAny<long?>(), It.IsAny<CancellationToken>()), Times.Once);
        _receiver.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task CheckAsync_MessageWaiting_HealthyWithoutReceivingIt()
    {
        var waiting = ServiceBusModelFactory.ServiceBusReceivedMessage(BinaryData.FromString("{}"), messageId: "evt-1", deliveryCount: 0);
        _receiver.Setup(r => r.PeekMessageAsync(It.IsAny<long?>(), It.IsAny<CancellationToken>())).ReturnsAsync(waiting);

        var result = await _probe.CheckAsync(CancellationToken.None);

        Assert.True(result.Healthy);
        _receiver.Verify(r => r.PeekMessageAsync(It.IsAny<long?>(), It.IsAny<CancellationToken>()), Times.Once);
        _receiver.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task CheckAsync_IdentityMayNotRead_DownNamingTheRole()
    {
        PeekAnswers(new UnauthorizedAccessException("Unauthorized access. 'Listen' claim(s) are required to perform this operation."));

        var result = await _probe.CheckAsync(CancellationToken.None);

        Assert.False(result.Healthy);
        Assert.Equal("Service Bus refused the app's identity (it needs the Azure Service Bus Data Receiver role).", result.Detail);
        Assert.Contains(_logger.Lines, line => line.StartsWith("Warning: Service Bus health check failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CheckAsync_QueueMissing_Down()
    {
        PeekAnswers(PublishingFakes.Failure(ServiceBusFailureReason.MessagingEntityNotFound));

        var result = await _probe.CheckAsync(CancellationToken.None);

        Assert.False(result.Healthy);
        Assert.Equal("The events queue does not exist.", result.Detail);
    }

    [Fact]
    public async Task CheckAsync_ServiceBusy_DownWithTheReason()
    {
        PeekAnswers(PublishingFakes.Failure(ServiceBusFailureReason.ServiceBusy));

        var result = await _probe.CheckAsync(CancellationToken.None);

        Assert.False(result.Healthy);
        Assert.Equal("Service Bus answered ServiceBusy.", result.Detail);
    }

    [Fact]
    public async Task CheckAsync_NoToken_Down()
    {
        PeekAnswers(new CredentialUnavailableException("No managed identity endpoint found"));

        var result = await _probe.CheckAsync(CancellationToken.None);

        Assert.False(result.Healthy);
        Assert.Equal("Could not get a Service Bus token.", result.Detail);
    }

    [Fact]
    public async Task CheckAsync_NoAnswerWithinFiveSeconds_Down_EvenIfThePeekIgnoresCancellation()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource<ServiceBusReceivedMessage?>();
        _receiver.Setup(r => r.PeekMessageAsync(It.IsAny<long?>(), It.IsAny<CancellationToken>()))
            .Returns(() =>
            {
                started.SetResult();
                return never.Task;
            });

        var check = _probe.CheckAsync(CancellationToken.None);
        await started.Task;
        _clock.Advance(ServiceBusHealthProbe.Timeout + TimeSpan.FromSeconds(1));
        var result = await check;

        Assert.False(result.Healthy);
        Assert.Equal("Service Bus did not answer within 5 s.", result.Detail);
    }

    [Fact]
    public async Task CheckAsync_CallerCancels_ThrowsOperationCanceled()
    {
        using var cancel = new CancellationTokenSource();
        _receiver.Setup(r => r.PeekMessageAsync(It.IsAny<long?>(), It.IsAny<CancellationToken>()))
            .Returns<long?, CancellationToken>(async (_, ct) =>
            {
                await cancel.CancelAsync();
                ct.ThrowIfCancellationRequested();
                return null;
            });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _probe.CheckAsync(cancel.Token));
    }
}
