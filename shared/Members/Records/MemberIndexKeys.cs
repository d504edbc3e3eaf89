using CoworkSync.Connectors.Seam;

namespace CoworkSync.Members.Records;

/// <summary>
/// What a member is found by in the lookup indexes (<see cref="SearchText"/>): their email, their name as "first last"
/// and as "last first" (so a prefix of either name finds them). A member row records the keys its index entries were
/// written with; the reconciler writes entries only when these differ from the member's current ones.
/// </summary>
/// <param name="Version">How the keys were made (<see cref="CurrentVersion"/>); a row indexed with another is indexed again.</param>
/// <param name="Email">The email key; null when the member has none.</param>
/// <param name="FullName">"first last"; empty when the member has no name.</param>
/// <param name="ReversedName">"last first", when the member has both names.</param>
public sealed record MemberIndexKeys(int Version, string? Email, string FullName, string? ReversedName)
{
    /// <summary>Raised when <see cref="SearchText"/> changes, so that the next reconcile of each member writes the new keys.</summary>
    public const int CurrentVersion = 1;

    public static MemberIndexKeys For(PlatformMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var first = SearchText.Name(member.FirstName);
        var last = SearchText.Name(member.LastName);
        var full = SearchText.Name($"{first} {last}");
        var reversed = first.Length > 0 && last.Length > 0 ? SearchText.Name($"{last} {first}") : null;
        return new MemberIndexKeys(CurrentVersion, SearchText.Email(member.Email), full, reversed == full ? null : reversed);
    }

    /// <summary>The member's entries in the name index: each name key, and whether it is the "last first" one.</summary>
    public IReadOnlyList<(string Name, bool Reversed)> NameEntries()
    {
        var entries = new List<(string, bool)>(2);
        if (FullName.Length > 0)
            entries.Add((FullName, false));
        if (ReversedName is { Length: > 0 } reversed)
            entries.Add((reversed, true));
        return entries;
    }
}
