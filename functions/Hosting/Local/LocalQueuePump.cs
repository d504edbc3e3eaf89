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
/// <para>
/// It keeps up to <see cref="LocalQueueOptions.MaxConcurrentCalls"/> messages in hand, receiving more (up to 32 a
/// request) as soon as one is done, so one slow message holds up no other. An empty queue is polled again after
/// <see cref="LocalQueueOptions.PollInterval"/>, or at once when this process sends an event (<see cref="QueueArrivals"/>).
/// <c>AzureWebJobs.ProcessEvent.Disabled</c> (or <c>.IngestDeadLetter.</c>) turns a pump off, as the setting turns the
/// function off under the Functions host. It starts once the server listens (<see cref="ServerStarted"/>).
/// </para>
/// </summary>
public sealed partial class LocalQueuePump(
    LocalEventQueue queue,
    QueueArrivals arrivals,
    FunctionInvoker invoker,
    IConfiguration configuration,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<LocalQueuePump> logger) : BackgroundService
{
    /// <summary>The most messages a storage queue hands out in one receive.</summary>
    private const int MaxBatchSize = 32;
    private static readonly TimeSpan DeadLetterRetryDelay = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxOutageBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await ServerStarted.WaitAsync(lifetime, stoppingToken);
        var pumps = new List<Task>();
        if (!IsDisabled(ProcessEventFunction.FunctionName))
            pumps.Add(PumpAsync(queue.Main, ProcessEventFunction.FunctionName, isDeadLetterQueue: false, stoppingToken));
        if (!IsDisabled(IngestDeadLetterFunction.FunctionName))
            pumps.Add(PumpAsync(queue.DeadLetter, IngestDeadLetterFunction.FunctionName, isDeadLetterQueue: true, stoppingToken));
        await Task.WhenAll(pumps);
    }

    private bool IsDisabled(string functionName) =>
        bool.TryParse(configuration[$"AzureWebJobs.{functionName}.Disabled"], out var disabled) && disabled;

    private async Task PumpAsync(QueueClient source, string functionName, bool isDeadLetterQueue, CancellationToken stoppingToken)
    {
        var outageBackoff = queue.Options.PollInterval;
        var concurrency = Math.Max(1, queue.Options.MaxConcurrentCalls);
        var inHand = new HashSet<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    inHand.RemoveWhere(delivery => delivery.IsCompleted);
                    if (inHand.Count >= concurrency)
                    {
                        await Task.WhenAny(inHand);
                        continue;
                    }
                    var batch = await queue.ReceiveAsync(source, Math.Min(MaxBatchSize, concurrency - inHand.Count), stoppingToken);
                    outageBackoff = queue.Options.PollInterval;
                    if (batch.Length == 0)
                    {
                        await WaitForMoreAsync(isDeadLetterQueue, stoppingToken);
                        continue;
                    }
                    foreach (var message in batch)
                        inHand.Add(DeliverAsync(source, functionName, isDeadLetterQueue, message, stoppingToken).AsTask());
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
        finally
        {
            await Task.WhenAll(inHand);
        }
    }

    /// <summary>The queue was empty: the poll interval, cut short when this process sends an event (main queue only).</summary>
    private async Task WaitForMoreAsync(bool isDeadLetterQueue, CancellationToken stoppingToken)
    {
        if (isDeadLetterQueue)
            await Task.Delay(queue.Options.PollInterval, time, stoppingToken);
        else
            await arrivals.WaitAsync(queue.Options.PollInterval, time, stoppingToken);
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
