using CoworkSync.Connectors.Seam;

namespace CoworkSync.Platforms.Cobot;

/// <summary>
/// Reads access groups from a member's custom field: comma-separated group ids (spaces, case and empty items do not
/// matter). Ids that are not access groups are ignored and returned, so the sync run can report them.
/// </summary>
public static class CobotCustomFieldGroups
{
    public static (string? Groups, IReadOnlyList<string> Unknown) Read(CobotMembershipFields? fields, string label, IReadOnlySet<string> knownGroups)
    {
        var value = fields?.Fields?.FirstOrDefault(f => string.Equals(f.Label?.Trim(), label, StringComparison.OrdinalIgnoreCase))?.Value;
        if (string.IsNullOrWhiteSpace(value))
            return (null, []);
        var ids = value.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(id => id.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        var unknown = ids.Where(id => !knownGroups.Contains(id)).ToList();
        return (PlatformMember.JoinGroups(ids.Where(knownGroups.Contains)), unknown);
    }
}
