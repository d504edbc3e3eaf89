using Azure;

namespace CoworkSync.Messaging.Processing;

public enum EventClaimStatus
{
    /// <summary>This delivery holds the event until it is applied or released (or the lease runs out).</summary>
    Claimed,

    /// <summary>The event was applied before: the delivery is a repeat.</summary>
    AlreadyApplied,

    /// <summary>
    /// Another delivery holds the event right now (until <see cref="EventClaim.HeldUntil"/>): it will apply, retry or
    /// dead-letter it, unless it died holding it.
    /// </summary>
    InProgressElsewhere,
}

/// <summary>
/// The result of claiming an event; <see cref="ETag"/> identifies the claim when it is held, <see cref="HeldUntil"/>
/// when another delivery's lease on it ends.
/// </summary>
public sealed record EventClaim(EventClaimStatus Status, ETag ETag = default, DateTimeOffset? HeldUntil = null)
{
    public static EventClaim Applied { get; } = new(EventClaimStatus.AlreadyApplied);

    public static EventClaim Elsewhere(DateTimeOffset heldUntil) => new(EventClaimStatus.InProgressElsewhere, HeldUntil: heldUntil);
}
