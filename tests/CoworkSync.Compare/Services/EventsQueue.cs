using System.Diagnostics;
using Azure.Storage.Queues;

namespace CoworkSync.Compare.Services;

/// <summary>
/// Local mode's events queue (setting <c>EventsQueueName</c>, default <c>events</c>) in a world's Azurite, read from
/// outside: how many messages wait, so a run can let the events of the previous one be processed first.
/// </summary>
public static class EventsQueue
{
    public const string Name = "events";

    /// <summary>Waits until the queue is empty (or <paramref name="timeout"/> passes); returns how long it took and whether it emptied.</summary>
    public static async Task<(TimeSpan Waited, bool Drained)> WaitUntilEmptyAsync(Azurite azurite, TimeSpan timeout, string queueName = Name)
    {
        var queue = new QueueClient(azurite.ConnectionString, queueName);
        var clock = Stopwatch.StartNew();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                if (!await queue.ExistsAsync(deadline.Token))
                    return (clock.Elapsed, true);
                var properties = await queue.GetPropertiesAsync(deadline.Token);
                if (properties.Value.ApproximateMessagesCount == 0)
                    return (clock.Elapsed, true);
                await Task.Delay(250, deadline.Token);
            }
        }
        catch (OperationCanceledException)
        {
            return (clock.Elapsed, false);
        }
    }

    /// <summary>How many messages wait in a queue (0 when it does not exist).</summary>
    public static async Task<int> CountAsync(Azurite azurite, string queueName)
    {
        var queue = new QueueClient(azurite.ConnectionString, queueName);
        return await queue.ExistsAsync() ? (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount : 0;
    }

    /// <summary>Empties the ceiling's own queue, so it does not grow from run to run.</summary>
    public static async Task ClearAsync(Azurite azurite, string queueName) =>
        await new QueueClient(azurite.ConnectionString, queueName).ClearMessagesAsync();
}
