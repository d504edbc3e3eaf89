using System.Diagnostics;
using Azure;
using Azure.Storage.Queues;

namespace CoworkSync.Compare.Services;

/// <summary>
/// Local mode's events queue (setting <c>EventsQueueName</c>, default <c>events</c>) in a world's Azurite, read from
/// outside: how many messages wait, so a run can let the events of the previous one be processed first.
/// </summary>
public static class EventsQueue
{
    public const string Name = "events";

    /// <summary>Waits until the queue is empty (or <paramref name="timeout"/> passes), asking every <paramref name="poll"/> (250 ms unless given); returns how long it took and whether it emptied.</summary>
    public static async Task<(TimeSpan Waited, bool Drained)> WaitUntilEmptyAsync(Azurite azurite, TimeSpan timeout, string queueName = Name, TimeSpan? poll = null)
    {
        var queue = new QueueClient(azurite.ConnectionString, queueName);
        var clock = Stopwatch.StartNew();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                if (await CountAsync(queue, deadline.Token) == 0)
                    return (clock.Elapsed, true);
                await Task.Delay(poll ?? TimeSpan.FromMilliseconds(250), deadline.Token);
            }
        }
        catch (OperationCanceledException)
        {
            return (clock.Elapsed, false);
        }
    }

    /// <summary>How many messages wait in a queue (0 when it does not exist).</summary>
    public static Task<int> CountAsync(Azurite azurite, string queueName) =>
        CountAsync(new QueueClient(azurite.ConnectionString, queueName), CancellationToken.None);

    private static async Task<int> CountAsync(QueueClient queue, CancellationToken cancellationToken)
    {
        try
        {
            return (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return 0;
        }
    }

    /// <summary>Empties the ceiling's own queue, so it does not grow from run to run.</summary>
    public static async Task ClearAsync(Azurite azurite, string queueName) =>
        await new QueueClient(azurite.ConnectionString, queueName).ClearMessagesAsync();
}
