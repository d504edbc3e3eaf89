namespace CoworkSync.Functions.Events.PurgeProcessedEvents;

/// <summary>How long records are kept. Settings section <c>Retention</c>.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>How long a processed-event record keeps a repeat from being applied. Default 30 days.</summary>
    public TimeSpan ProcessedEvents { get; set; } = TimeSpan.FromDays(30);
}
