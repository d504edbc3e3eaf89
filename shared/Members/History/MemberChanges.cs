using CoworkSync.Members.Records;

namespace CoworkSync.Members.History;

/// <summary>What changed about a member between two stored states, in words for their recent events.</summary>
public static class MemberChanges
{
    /// <summary>
    /// The changes from <paramref name="before"/> to <paramref name="after"/> (what the platform says, the account, the
    /// reason); null when nothing worth a line changed (a repeat, a newer version of the same state).
    /// </summary>
    /// <param name="before">The member as stored before; null for a new member.</param>
    /// <param name="after">The member as stored now.</param>
    /// <param name="accountChange">What reconciling did to the account: <c>Created</c>, <c>Updated</c>, <c>Enabled</c>, <c>Disabled</c>; anything else changed nothing.</param>
    public static string? Describe(MemberRecord? before, MemberRecord after, string accountChange)
    {
        ArgumentNullException.ThrowIfNull(after);
        var parts = new List<string>();
        var p = after.Platform;
        if (before is null)
        {
            parts.Add($"new member: {Lower(p.Status)}, plan {p.PlanName ?? "none"}");
        }
        else
        {
            var b = before.Platform;
            Changed(parts, "status", Lower(b.Status), Lower(p.Status));
            Changed(parts, "membership", Lower(b.MembershipStatus), Lower(p.MembershipStatus));
            Changed(parts, "plan", b.PlanName ?? "none", p.PlanName ?? "none");
            Changed(parts, "location", b.LocationId ?? "none", p.LocationId ?? "none");
            Changed(parts, "extra groups", b.ExtraGroups ?? "none", p.ExtraGroups ?? "none");
            if (b.FirstName != p.FirstName || b.LastName != p.LastName)
                parts.Add($"name now {p.FirstName} {p.LastName}".TrimEnd());
            if (!string.Equals(b.Email, p.Email, StringComparison.OrdinalIgnoreCase))
                parts.Add($"email now {p.Email ?? "none"}");
            if (before.Gone != after.Gone)
                parts.Add(after.Gone ? "gone from the platform" : "back at the platform");
        }

        switch (accountChange)
        {
            case "Created":
                parts.Add($"account {after.Username} created");
                break;
            case "Enabled":
                parts.Add("account enabled");
                break;
            case "Disabled":
                parts.Add($"account disabled ({after.Reason ?? "no reason given"})");
                break;
            case "Updated":
                parts.Add("account's access changed");
                break;
        }
        if (before is not null && before.Username != after.Username && accountChange != "Created")
            parts.Add(after.Username is null ? "no account" : $"account now {after.Username}");
        if (before?.Reason != after.Reason && accountChange != "Disabled" && (before is not null || after.Reason is not null))
            parts.Add(after.Reason is null ? "no reason any more" : $"reason: {after.Reason}");
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static void Changed(List<string> parts, string what, string before, string after)
    {
        if (before != after)
            parts.Add($"{what} {before} → {after}");
    }

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
