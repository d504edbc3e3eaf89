using Azure;

namespace CoworkSync.Messaging.Processing;

public enum EventClaimStatus
{
    /// <summary>This delivery holds the event until it is applied or released (or the lease runs out).</summary>
    Claimed,

    /// <summary>The event was applied before: the delivery is a repeat.</summary>
    AlreadyApplied,

    /// <summary>Another delivery holds the event right now and will apply, retry or dead-letter it.</summary>
    InProgressElsewhere,
}

/// <summary>The result of claiming an event; <see cref="ETag"/> identifies the claim when it is held.</summary>
public sealed record EventClaim(EventClaimStatus Status, ETag ETag = default)
{
    public static EventClaim Applied { get; } = new(EventClaimStatus.AlreadyApplied);

    public static EventClaim Elsewhere { get; } = new(EventClaimStatus.InProgressElsewhere);
}
