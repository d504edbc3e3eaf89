using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using CoworkSync.State.Tables;

namespace CoworkSync.Access;

/// <summary>Access groups in table <c>AccessGroups</c>, one partition (they are few and read together), row = group id.</summary>
internal static class AccessGroupEntityMapper
{
    public const string Partition = "groups";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static TableEntity ToEntity(AccessGroup g, DateTimeOffset updatedAt) => new(Partition, TableKey.Escape(g.Id))
    {
        ["DisplayName"] = g.DisplayName,
        ["HoursPerCycle"] = g.HoursPerCycle,
        ["TimeWindows"] = g.TimeWindows is null ? null : JsonSerializer.Serialize(TimeWindowsJson.From(g.TimeWindows), Json),
        ["SessionTimeoutCapSeconds"] = g.SessionTimeoutCapSeconds,
        ["AcctInterimIntervalSeconds"] = g.AcctInterimIntervalSeconds,
        ["BandwidthDownKbps"] = g.BandwidthDownKbps,
        ["BandwidthUpKbps"] = g.BandwidthUpKbps,
        ["VlanId"] = g.VlanId,
        ["MaxConcurrentSessions"] = g.MaxConcurrentSessions,
        ["Priority"] = g.Priority,
        ["CapsOthers"] = g.CapsOthers,
        ["ExtraReplyAttributes"] = JsonSerializer.Serialize(g.ExtraReplyAttributes, Json),
        ["UpdatedAt"] = updatedAt,
    };

    /// <summary>The group a row holds; throws <see cref="JsonException"/> or <see cref="FormatException"/> for a damaged row.</summary>
    public static AccessGroup FromEntity(TableEntity e) => new()
    {
        Id = TableKey.Unescape(e.RowKey),
        DisplayName = e.GetString("DisplayName") ?? TableKey.Unescape(e.RowKey),
        HoursPerCycle = ReadDouble(e, "HoursPerCycle"),
        TimeWindows = e.GetString("TimeWindows") is { Length: > 0 } windows
            ? TimeWindowsJson.To(JsonSerializer.Deserialize<Dictionary<string, List<TimeWindowJson>>>(windows, Json))
            : null,
        SessionTimeoutCapSeconds = e.GetInt32("SessionTimeoutCapSeconds"),
        AcctInterimIntervalSeconds = e.GetInt32("AcctInterimIntervalSeconds") ?? AccessGroup.DefaultAcctInterimIntervalSeconds,
        BandwidthDownKbps = e.GetInt32("BandwidthDownKbps"),
        BandwidthUpKbps = e.GetInt32("BandwidthUpKbps"),
        VlanId = e.GetInt32("VlanId"),
        MaxConcurrentSessions = e.GetInt32("MaxConcurrentSessions"),
        Priority = e.GetInt32("Priority") ?? 0,
        CapsOthers = e.GetBoolean("CapsOthers") ?? false,
        ExtraReplyAttributes = e.GetString("ExtraReplyAttributes") is { Length: > 0 } extra
            ? new Dictionary<string, string>(JsonSerializer.Deserialize<Dictionary<string, string>>(extra, Json) ?? [], StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase),
    };

    // Whole numbers may come back typed as integers; read whatever number is there.
    private static double? ReadDouble(TableEntity e, string name) =>
        e.TryGetValue(name, out var value) && value is not null ? Convert.ToDouble(value, CultureInfo.InvariantCulture) : null;
}
