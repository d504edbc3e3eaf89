using System.Text.Json;
using Azure.Data.Tables;

namespace CoworkSync.Connectors;

/// <summary>
/// Connectors in table <c>Connectors</c>, one partition (they are few and listed together), row = connector id. The
/// platform settings are in the column named after the platform, its name with a capital first letter
/// (<c>example</c>: <c>Example</c>), as the platform's JSON.
/// </summary>
internal static class ConnectorEntityMapper
{
    public const string Partition = "connectors";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The column that holds a platform's settings.</summary>
    public static string SettingsColumn(string platform) =>
        platform.Length == 0 ? "" : string.Concat(char.ToUpperInvariant(platform[0]).ToString(), platform.AsSpan(1));

    public static TableEntity ToEntity(Connector c)
    {
        var entity = new TableEntity(Partition, c.Id)
        {
            ["Platform"] = c.Platform,
            ["DisplayName"] = c.DisplayName,
            ["Locations"] = JsonSerializer.Serialize(c.Locations, Json),
            ["Settings"] = JsonSerializer.Serialize(c.Settings, Json),
            ["PlanMappings"] = JsonSerializer.Serialize(c.PlanMappings, Json),
            ["WebhookSecretRotatedAt"] = c.WebhookSecretRotatedAt,
            ["SecretsSetAt"] = c.SecretsSetAt.Count == 0 ? null : JsonSerializer.Serialize(c.SecretsSetAt, Json),
            ["CreatedAt"] = c.CreatedAt,
            ["UpdatedAt"] = c.UpdatedAt,
        };
        if (c.PlatformSettings is { } settings && SettingsColumn(c.Platform) is { Length: > 0 } column)
            entity[column] = settings.JsonText;
        return entity;
    }

    public static Connector FromEntity(TableEntity e)
    {
        var platform = e.GetString("Platform") ?? "";
        var column = SettingsColumn(platform);
        return new()
        {
            Id = e.RowKey,
            Platform = platform,
            DisplayName = e.GetString("DisplayName") ?? "",
            Locations = Read<List<ConnectorLocation>>(e, "Locations") ?? [],
            PlatformSettings = column.Length > 0 && e.GetString(column) is { Length: > 0 } json ? new PlatformSettings(json) : null,
            Settings = Read<ConnectorSettings>(e, "Settings") ?? new ConnectorSettings(),
            PlanMappings = Read<List<PlanMapping>>(e, "PlanMappings") ?? [.. PlanMapping.Defaults],
            WebhookSecretRotatedAt = e.GetDateTimeOffset("WebhookSecretRotatedAt"),
            SecretsSetAt = Read<Dictionary<string, DateTimeOffset>>(e, "SecretsSetAt") ?? new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal),
            CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? default,
            UpdatedAt = e.GetDateTimeOffset("UpdatedAt") ?? default,
            ETag = e.ETag,
        };
    }

    private static T? Read<T>(TableEntity e, string name) where T : class =>
        e.GetString(name) is { Length: > 0 } json ? JsonSerializer.Deserialize<T>(json, Json) : null;
}
