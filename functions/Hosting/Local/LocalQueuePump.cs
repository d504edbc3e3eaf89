using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using CoworkSync.Functions.Hosting.Invocation;
using CoworkSync.Functions.Events.IngestDeadLetter;
using CoworkSync.Functions.Events.ProcessEvent;
using CoworkSync.Messaging.LocalQueue;
using CoworkSync.Messaging.Processing;

namespace CoworkSync.Functions.Hosting.Local;

/// <summary>
/// Local mode's Service Bus trigger. Delivers each message of the storage queue to ProcessEvent with a host-shaped
/// payload; completes it on success, abandons it (immediate redelivery) on failure, and past the max delivery count
/// moves it to the dead-letter queue with its reason, whose messages go to IngestDeadLetter as on Azure.
/// </summary>
public sealed partial class LocalQueuePump(LocalEventQueue queue, FunctionInvoker invoker, TimeProvider time, ILogger<LocalQueuePump> logger) : BackgroundService
{
    private const int BatchSize = 16;
    private static readonly TimeSpan DeadLetterRetryDelay = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxOutageBackoff = TimeSpan.FromSeconds(30);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(
        PumpAsync(queue.Main, ProcessEventFunction.FunctionName, isDeadLetterQueue: false, stoppingToken),
        PumpAsync(queue.DeadLetter, IngestDeadLetterFunction.FunctionName, isDeadLetterQueue: true, stoppingToken));

    private async Task PumpAsync(QueueClient source, string functionName, bool isDeadLetterQueue, CancellationToken stoppingToken)
    {
        var outageBackoff = queue.Options.PollInterval;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = queue.Options.MaxConcurrentCalls, CancellationToken = stoppingToken };
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var batch = await queue.ReceiveAsync(source, BatchSize, stoppingToken);
                outageBackoff = queue.Options.PollInterval;
                if (batch.Length == 0)
                {
                    await Task.Delay(queue.Options.PollInterval, time, stoppingToken);
                    continue;
                }
                await Parallel.ForEachAsync(batch, parallel, (message, ct) => DeliverAsync(source, functionName, isDeadLetterQueue, message, ct));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogQueueUnreachable(ex, source.Name, outageBackoff);
                await Task.Delay(outageBackoff, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                outageBackoff = TimeSpan.FromTicks(Math.Min(outageBackoff.Ticks * 2, MaxOutageBackoff.Ticks));
            }
        }
    }

    private async ValueTask DeliverAsync(QueueClient source, string functionName, bool isDeadLetterQueue, QueueMessage received, CancellationToken stoppingToken)
    {
        try
        {
            var (message, body) = await queue.ReadAsync(received, stoppingToken);
            var maxDeliveryCount = queue.Options.MaxDeliveryCount;
            if (!isDeadLetterQueue && received.DequeueCount > maxDeliveryCount)
            {
                await queue.MoveToDeadLetterAsync(received, message, DeadLetterReasons.MaxDeliveryCountExceeded,
                    $"Message could not be consumed after {maxDeliveryCount} delivery attempts.", stoppingToken);
                LogDeadLettered(message.MessageId, maxDeliveryCount);
                return;
            }

            var now = time.GetUtcNow();
            var request = HostShapedPayload.ServiceBus(functionName, "message", body, message.MessageId, received.DequeueCount,
                received.InsertedOn ?? now, message.Properties, now);

            // The lock duration doubles as the function timeout: a hung handler is cancelled and the message redelivered.
            using var lockExpired = new CancellationTokenSource(queue.Options.LockDuration, time);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lockExpired.Token);
            var result = await invoker.InvokeAsync(functionName, request, timeout.Token);

            if (result.Succeeded)
                await queue.CompleteAsync(source, received, message, stoppingToken);
            else
                await queue.AbandonAsync(source, received, isDeadLetterQueue ? DeadLetterRetryDelay : TimeSpan.Zero, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the message becomes visible again when its lock expires.
        }
        catch (Exception ex)
        {
            LogDeliveryFailed(ex, received.MessageId, source.Name);
        }
    }

    [LoggerMessage(EventId = 400, EventName = "LocalQueueUnreachable", Level = LogLevel.Warning, Message = "The local queue {QueueName} cannot be reached; trying again in {Backoff}")]
    private partial void LogQueueUnreachable(Exception exception, string queueName, TimeSpan backoff);

    [LoggerMessage(EventId = 401, EventName = "LocalQueueDeadLettered", Level = LogLevel.Error, Message = "Message {MessageId} exceeded {MaxDeliveryCount} deliveries; moved to the dead-letter queue")]
    private partial void LogDeadLettered(string messageId, int maxDeliveryCount);

    [LoggerMessage(EventId = 402, EventName = "LocalQueueDeliveryFailed", Level = LogLevel.Warning, Message = "Delivery of storage message {StorageMessageId} from {QueueName} failed; it returns when its lock expires")]
    private partial void LogDeliveryFailed(Exception exception, string storageMessageId, string queueName);
}
