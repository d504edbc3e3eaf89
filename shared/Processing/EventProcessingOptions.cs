using System.ComponentModel.DataAnnotations;

namespace CoworkSync.Processing;

/// <summary>Retry policy for events. Settings section <c>EventProcessing</c>.</summary>
public sealed class EventProcessingOptions
{
    public const string SectionName = "EventProcessing";

    /// <summary>Tries before a transiently failing event becomes a dead letter. Default 6.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Delay before the second try; doubled for each later one. Default 10 s.</summary>
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Upper bound of the delay between two tries. Default 15 min.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(15);
}
