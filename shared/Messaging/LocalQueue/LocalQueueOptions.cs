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

    /// <summary>Pause between polls of an empty queue. Default 1 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Messages handled at once. Default 4.</summary>
    public int MaxConcurrentCalls { get; set; } = 4;

    public string DeadLetterQueueName => QueueName + "-deadletter";
}
