using Azure;
using CoworkSync.Connectors.Seam;

namespace CoworkSync.Members.Records;

/// <summary>What CoworkSync knows of one member: the platform's latest state, their account and why it is as it is.</summary>
public sealed record MemberRecord
{
    public required string ConnectorId { get; init; }

    public required PlatformMember Platform { get; init; }

    /// <summary>The member's account, when they have one.</summary>
    public string? Username { get; init; }

    /// <summary>Why the member has no access, or what needs an operator; null when all is well.</summary>
    public string? Reason { get; init; }

    public bool Flagged { get; init; }

    /// <summary>Set when the member's preferred user name belonged to someone else and another was given.</summary>
    public string? UsernameNote { get; init; }

    /// <summary>The platform no longer lists the member.</summary>
    public bool Gone { get; init; }

    public string? LastEventId { get; init; }

    public DateTimeOffset? LastEventAt { get; init; }

    public string? LastSyncRunId { get; init; }

    public DateTimeOffset? LastSyncAt { get; init; }

    /// <summary>How many changes the member's history has recorded (the last one's sequence number).</summary>
    public long HistoryCount { get; init; }

    /// <summary>The keys the member's lookup index entries were written with; null when none were (a row from before the indexes).</summary>
    public MemberIndexKeys? Indexed { get; init; }

    public ETag ETag { get; init; }
}
