using System.Globalization;
using Azure.Data.Tables;
using CoworkSync.State.Tables;

namespace CoworkSync.Members.Accounts;

/// <summary>Accounts in table <c>Accounts</c>: partition = user name, one row, so RADIUS finds one with a point read.</summary>
internal static class AccountEntityMapper
{
    public const string Row = "account";

    public static TableEntity ToEntity(WifiAccount a) => new(TableKey.Escape(a.Username), Row)
    {
        ["ConnectorId"] = a.ConnectorId,
        ["MemberId"] = a.MemberId,
        ["Password"] = a.ProtectedPassword,
        ["Enabled"] = a.Enabled,
        ["Groups"] = string.Join(',', a.Groups),
        ["LocationId"] = a.LocationId,
        ["BillingCycleAnchor"] = a.BillingCycleAnchor?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["DisabledReason"] = a.DisabledReason,
        ["StateVersion"] = a.StateVersion,
        ["CreatedAt"] = a.CreatedAt,
        ["UpdatedAt"] = a.UpdatedAt,
        ["WelcomeEmailQueuedAt"] = a.WelcomeEmailQueuedAt,
        ["WelcomeEmailSentAt"] = a.WelcomeEmailSentAt,
    };

    public static WifiAccount FromEntity(TableEntity e) => new()
    {
        Username = TableKey.Unescape(e.PartitionKey),
        ConnectorId = e.GetString("ConnectorId") ?? "",
        MemberId = e.GetString("MemberId") ?? "",
        ProtectedPassword = e.GetString("Password") ?? "",
        Enabled = e.GetBoolean("Enabled") ?? false,
        Groups = (e.GetString("Groups") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
        LocationId = e.GetString("LocationId"),
        BillingCycleAnchor = e.GetString("BillingCycleAnchor") is { } anchor ? DateOnly.ParseExact(anchor, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
        DisabledReason = e.GetString("DisabledReason"),
        StateVersion = e.GetDateTimeOffset("StateVersion") ?? default,
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? default,
        UpdatedAt = e.GetDateTimeOffset("UpdatedAt") ?? default,
        WelcomeEmailQueuedAt = e.GetDateTimeOffset("WelcomeEmailQueuedAt"),
        WelcomeEmailSentAt = e.GetDateTimeOffset("WelcomeEmailSentAt"),
        ETag = e.ETag,
    };
}
