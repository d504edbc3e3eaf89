namespace CoworkSync.Messaging.LocalQueue;

/// <summary>How local mode emulates the Service Bus queue on an Azure Storage queue. Settings section <c>LocalQueue</c>.</summary>
public sealed class LocalQueueOptions
{
    public const string SectionName = "LocalQueue";

    /// <summary>The queue name; the dead-letter queue is this name plus <c>-deadletter</c>. Setting <c>EventsQueueName</c> by default.</summary>
    public string QueueName { get; set; } = "events";

    /// <summary>Deliveries before a message is dead-lettered, like Service Bus's MaxDeliveryCount. Default 10.</summary>
    public int MaxDeliveryCount { get; set; } = 10;

    /// <summary>How long a delivered message stays hidden (Service Bus's lock) before it is delivered again. Default 5 min.</summary>
    public TimeSpan LockDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Pause between polls of an empty queue. A message this process sends wakes the pump at once; the poll finds what
    /// another process sent and retries coming due. Default 1 s.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Messages handled at once (the pump receives up to 32 at a time to keep this many busy). Default 16.</summary>
    public int MaxConcurrentCalls { get; set; } = 16;

    public string DeadLetterQueueName => QueueName + "-deadletter";
}
