using System.Text.Json;
using Azure.Data.Tables;

namespace CoworkSync.Connectors;

/// <summary>Connectors in table <c>Connectors</c>, one partition (they are few and listed together), row = connector id.</summary>
internal static class ConnectorEntityMapper
{
    public const string Partition = "connectors";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static TableEntity ToEntity(Connector c) => new(Partition, c.Id)
    {
        ["Platform"] = c.Platform,
        ["DisplayName"] = c.DisplayName,
        ["Locations"] = JsonSerializer.Serialize(c.Locations, Json),
        ["Coworks"] = c.Coworks is null ? null : JsonSerializer.Serialize(c.Coworks, Json),
        ["Cobot"] = c.Cobot is null ? null : JsonSerializer.Serialize(c.Cobot, Json),
        ["Settings"] = JsonSerializer.Serialize(c.Settings, Json),
        ["PlanMappings"] = JsonSerializer.Serialize(c.PlanMappings, Json),
        ["WebhookSecretRotatedAt"] = c.WebhookSecretRotatedAt,
        ["CreatedAt"] = c.CreatedAt,
        ["UpdatedAt"] = c.UpdatedAt,
    };

    public static Connector FromEntity(TableEntity e) => new()
    {
        Id = e.RowKey,
        Platform = e.GetString("Platform") ?? "",
        DisplayName = e.GetString("DisplayName") ?? "",
        Locations = Read<List<ConnectorLocation>>(e, "Locations") ?? [],
        Coworks = Read<CoworksConnectorSettings>(e, "Coworks"),
        Cobot = Read<CobotConnectorSettings>(e, "Cobot"),
        Settings = Read<ConnectorSettings>(e, "Settings") ?? new ConnectorSettings(),
        PlanMappings = Read<List<PlanMapping>>(e, "PlanMappings") ?? [.. PlanMapping.Defaults],
        WebhookSecretRotatedAt = e.GetDateTimeOffset("WebhookSecretRotatedAt"),
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? default,
        UpdatedAt = e.GetDateTimeOffset("UpdatedAt") ?? default,
        ETag = e.ETag,
    };

    private static T? Read<T>(TableEntity e, string name) where T : class =>
        e.GetString(name) is { Length: > 0 } json ? JsonSerializer.Deserialize<T>(json, Json) : null;
}
