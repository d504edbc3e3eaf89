using Azure.Messaging.ServiceBus;
using Moq;

namespace CoworkSync.UnitTests.Messaging.Publishing;

/// <summary>
/// A mocked <see cref="ServiceBusSender"/> that keeps what it sent: single messages, and the messages of each batch.
/// Its batches come from <see cref="ServiceBusModelFactory"/> and take at most <see cref="BatchCapacity"/> messages.
/// </summary>
internal sealed class RecordingSender
{
    public const long MaxBatchBytes = 262_144;

    private readonly Dictionary<ServiceBusMessageBatch, List<ServiceBusMessage>> _contents = new(ReferenceEqualityComparer.Instance);
    private int _batchSends;

    public RecordingSender()
    {
        Mock.Setup(s => s.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>()))
            .Callback<ServiceBusMessage, CancellationToken>((message, _) => Sent.Add(message))
            .Returns(Task.CompletedTask);
        Mock.Setup(s => s.CreateMessageBatchAsync(It.IsAny<CancellationToken>()))
            .Returns(() =>
            {
                var contents = new List<ServiceBusMessage>();
                var batch = ServiceBusModelFactory.ServiceBusMessageBatch(0, contents, new CreateMessageBatchOptions { MaxSizeInBytes = MaxBatchBytes }, tryAddCallback: _ => contents.Count < BatchCapacity);
                _contents[batch] = contents;
                return ValueTask.FromResult(batch);
            });
        Mock.Setup(s => s.SendMessagesAsync(It.IsAny<ServiceBusMessageBatch>(), It.IsAny<CancellationToken>()))
            .Returns<ServiceBusMessageBatch, CancellationToken>((batch, _) =>
            {
                if (BatchFailure?.Invoke(_batchSends++) is { } failure)
                    return Task.FromException(failure);
                SentBatches.Add([.. _contents[batch]]);
                return Task.CompletedTask;
            });
    }

    public Mock<ServiceBusSender> Mock { get; } = new();

    public ServiceBusSender Object => Mock.Object;

    /// <summary>Messages sent one at a time.</summary>
    public List<ServiceBusMessage> Sent { get; } = [];

    /// <summary>The messages of each batch sent, in the order sent.</summary>
    public List<IReadOnlyList<ServiceBusMessage>> SentBatches { get; } = [];

    public int BatchesCreated => _contents.Count;

    public int BatchCapacity { get; set; } = int.MaxValue;

    /// <summary>Given the index of a batch send (0 for the first), the exception it fails with, or null.</summary>
    public Func<int, Exception?>? BatchFailure { get; set; }
}
