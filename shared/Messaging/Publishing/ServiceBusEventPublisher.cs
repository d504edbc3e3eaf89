using Azure.Identity;
using Azure.Messaging.ServiceBus;
using CoworkSync.Messaging.Events;
using Microsoft.Extensions.Logging;

namespace CoworkSync.Messaging.Publishing;

/// <summary>
/// Sends events to the events queue with a <see cref="ServiceBusSender"/>: one message per envelope
/// (<see cref="ServiceBusEventMessage"/>), several in size-limited batches. The client retries transient failures
/// itself (see <see cref="ServiceBusServiceCollectionExtensions"/>); what still fails becomes an
/// <see cref="EventPublishException"/> that says whether trying later may succeed.
/// </summary>
public sealed class ServiceBusEventPublisher(ServiceBusSender sender, TimeProvider time, ILogger<ServiceBusEventPublisher> logger) : IEventPublisher
{
    /// <summary>The longest one send may take, the client's retries included.</summary>
    public static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(30);

    public async Task PublishAsync(EventEnvelope envelope, PublishOptions options, CancellationToken cancellationToken)
    {
        var message = ServiceBusEventMessage.Create(envelope, options, time.GetUtcNow());
        await SendAsync($"message {message.MessageId}", async token =>
        {
            await sender.SendMessageAsync(message, token);
            return 1;
        }, cancellationToken);
        logger.Sent(message.MessageId, envelope.Id, options.Delay);
    }

    /// <summary>
    /// Fills a batch from the sender (its size limit is the queue's) with as many messages as it takes, sends it, and
    /// goes on with a new batch until all are sent. Each batch is sent whole or not at all.
    /// </summary>
    public async Task PublishBatchAsync(IReadOnlyList<EventPublication> publications, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publications);
        var now = time.GetUtcNow();
        var messages = publications.Select(p => ServiceBusEventMessage.Create(p.Envelope, p.Options, now)).ToList();
        var sent = 0;
        while (sent < messages.Count)
        {
            var first = sent;
            var count = await SendAsync($"a batch from message {messages[first].MessageId} ({first} of {messages.Count} messages sent before it)",
                token => SendBatchAsync(messages, first, token), cancellationToken);
            sent += count;
            logger.SentBatch(count, messages[first].MessageId, messages[sent - 1].MessageId);
        }
    }

    /// <returns>How many messages, from <paramref name="first"/> on, the batch held.</returns>
    private async Task<int> SendBatchAsync(List<ServiceBusMessage> messages, int first, CancellationToken cancellationToken)
    {
        using var batch = await sender.CreateMessageBatchAsync(cancellationToken);
        var next = first;
        while (next < messages.Count && batch.TryAddMessage(messages[next]))
            next++;
        if (next == first)
            throw new EventPublishException(
                $"Message {messages[first].MessageId} does not fit in a Service Bus batch of {batch.MaxSizeInBytes} bytes; {first} of {messages.Count} messages were sent.", isTransient: false);
        await sender.SendMessagesAsync(batch, cancellationToken);
        return next - first;
    }

    private async Task<T> SendAsync<T>(string what, Func<CancellationToken, Task<T>> send, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(SendTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await send(linked.Token);
        }
        catch (Exception ex) when (ToPublishException(ex, what, cancellationToken) is { } failure)
        {
            if (failure.IsTransient)
                logger.SendFailedTransiently(ex, what);
            else
                logger.SendRefused(ex, what);
            if (ReferenceEquals(failure, ex))
                throw;
            throw failure;
        }
    }

    /// <summary>What a failed send means for the caller; null for the caller's own cancellation and for bugs.</summary>
    private static EventPublishException? ToPublishException(Exception ex, string what, CancellationToken cancellationToken) => ex switch
    {
        EventPublishException publish => publish,
        ServiceBusException serviceBus => new($"Service Bus refused {what}: {serviceBus.Reason}.", serviceBus.IsTransient, ex),
        UnauthorizedAccessException => new($"Service Bus refused {what}: the app's identity may not send to the queue (role Azure Service Bus Data Sender).", isTransient: false, ex),
        CredentialUnavailableException => new($"No credential is available to get a Service Bus token; {what} was not sent.", isTransient: false, ex),
        AuthenticationFailedException => new($"Getting a Service Bus token failed; {what} was not sent.", isTransient: true, ex),
        OperationCanceledException or TimeoutException when !cancellationToken.IsCancellationRequested =>
            new($"Service Bus did not answer within {SendTimeout.TotalSeconds:0} s to {what}.", isTransient: true, ex),
        _ => null,
    };
}
