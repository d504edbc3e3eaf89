namespace CoworkSync.Access;

/// <summary>Where the group in force comes from.</summary>
public enum AccessGroupSource
{
    /// <summary>One of <see cref="AccessGroupDefaults"/>; nothing is stored for its id.</summary>
    Default,

    /// <summary>An operator's group in table storage (a new group, or one that replaces a default).</summary>
    Stored,
}

/// <summary>A group in force and where it comes from, for the admin API.</summary>
public sealed record AccessGroupEntry(AccessGroup Group, AccessGroupSource Source);
