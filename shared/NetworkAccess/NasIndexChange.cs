namespace CoworkSync.NetworkAccess;

/// <summary>One change to a NAS's index of open sessions: the session's entry pointing at the row holding it open, or removed.</summary>
/// <param name="SessionId">The session (the entry's row key; the NAS is its partition).</param>
/// <param name="Open">Write the entry (the session is open in <paramref name="CycleKey"/>'s row); false: remove it.</param>
/// <param name="Username">The account whose usage row holds the session; null for a removal.</param>
/// <param name="CycleKey">The cycle whose row holds the session open; null for a removal.</param>
public sealed record NasIndexChange(string SessionId, bool Open, string? Username, string? CycleKey);
