using System.ComponentModel.DataAnnotations;

namespace CoworkSync.Messaging.Processing;

/// <summary>Retry policy for events. Settings section <c>EventProcessing</c>.</summary>
public sealed class EventProcessingOptions
{
    public const string SectionName = "EventProcessing";

    /// <summary>Tries before a transiently failing event becomes a dead letter. Default 6.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Delay before the second try; doubled for each later one. Default 10 s.</summary>
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a delivery holds its claim on an event before another may take it over: at least the function
    /// timeout, so only a delivery whose process died loses it. Default 5 min.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Upper bound of the delay between two tries. Default 15 min.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(15);
}
