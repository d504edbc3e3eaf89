using System.Globalization;
using Azure.Data.Tables;
using CoworkSync.Connectors.Seam;
using CoworkSync.State.Tables;

namespace CoworkSync.Members.Records;

/// <summary>
/// Members in table <c>Members</c>: partition = connector, row = member id. The <c>Index…</c> columns record the keys
/// of the member's lookup index entries (<see cref="MemberIndexKeys"/>); a row without <c>IndexVersion</c> has none.
/// </summary>
internal static class MemberEntityMapper
{
    public static TableEntity ToEntity(MemberRecord m)
    {
        var p = m.Platform;
        return new TableEntity(TableKey.Escape(m.ConnectorId), TableKey.Escape(p.MemberId))
        {
            ["FirstName"] = p.FirstName,
            ["LastName"] = p.LastName,
            ["Email"] = p.Email,
            ["Status"] = p.Status.ToString(),
            ["MembershipStatus"] = p.MembershipStatus.ToString(),
            ["PlanId"] = p.PlanId,
            ["PlanName"] = p.PlanName,
            ["LocationId"] = p.LocationId,
            ["BillingCycleAnchor"] = p.BillingCycleAnchor?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["ExtraGroups"] = p.ExtraGroups,
            ["PlatformUpdatedAt"] = p.UpdatedAt,
            ["Username"] = m.Username,
            ["Reason"] = m.Reason,
            ["Flagged"] = m.Flagged,
            ["UsernameNote"] = m.UsernameNote,
            ["Gone"] = m.Gone,
            ["LastEventId"] = m.LastEventId,
            ["LastEventAt"] = m.LastEventAt,
            ["LastSyncRunId"] = m.LastSyncRunId,
            ["LastSyncAt"] = m.LastSyncAt,
            ["HistoryCount"] = m.HistoryCount,
            ["IndexVersion"] = m.Indexed?.Version,
            ["IndexedEmail"] = m.Indexed?.Email,
            ["IndexedName"] = m.Indexed?.FullName,
            ["IndexedReversedName"] = m.Indexed?.ReversedName,
        };
    }

    public static MemberRecord FromEntity(TableEntity e) => new()
    {
        ConnectorId = TableKey.Unescape(e.PartitionKey),
        Platform = new PlatformMember
        {
            MemberId = TableKey.Unescape(e.RowKey),
            FirstName = e.GetString("FirstName") ?? "",
            LastName = e.GetString("LastName") ?? "",
            Email = e.GetString("Email"),
            Status = Enum.Parse<MemberStatus>(e.GetString("Status") ?? nameof(MemberStatus.Inactive)),
            MembershipStatus = Enum.Parse<MembershipStatus>(e.GetString("MembershipStatus") ?? nameof(MembershipStatus.None)),
            PlanId = e.GetString("PlanId"),
            PlanName = e.GetString("PlanName"),
            LocationId = e.GetString("LocationId"),
            BillingCycleAnchor = e.GetString("BillingCycleAnchor") is { } anchor ? DateOnly.ParseExact(anchor, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            ExtraGroups = e.GetString("ExtraGroups"),
            UpdatedAt = e.GetDateTimeOffset("PlatformUpdatedAt") ?? default,
        },
        Username = e.GetString("Username"),
        Reason = e.GetString("Reason"),
        Flagged = e.GetBoolean("Flagged") ?? false,
        UsernameNote = e.GetString("UsernameNote"),
        Gone = e.GetBoolean("Gone") ?? false,
        LastEventId = e.GetString("LastEventId"),
        LastEventAt = e.GetDateTimeOffset("LastEventAt"),
        LastSyncRunId = e.GetString("LastSyncRunId"),
        LastSyncAt = e.GetDateTimeOffset("LastSyncAt"),
        HistoryCount = e.GetInt64("HistoryCount") ?? 0,
        Indexed = e.GetInt32("IndexVersion") is { } version
            ? new MemberIndexKeys(version, e.GetString("IndexedEmail"), e.GetString("IndexedName") ?? "", e.GetString("IndexedReversedName"))
            : null,
        ETag = e.ETag,
    };
}
