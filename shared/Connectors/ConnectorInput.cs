using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using CoworkSync.Connectors.Seam;
using CoworkSync.Platforms.Cobot;
using CoworkSync.Validation;

namespace CoworkSync.Connectors;

/// <summary>The body of <c>PUT /api/admin/connectors/{connectorId}</c>, before validation.</summary>
public sealed partial record ConnectorInput
{
    [JsonPropertyName("platform")]
    public string? Platform { get; init; }

    [JsonPropertyName("displayName")]
    public string? DisplayName { get; init; }

    [JsonPropertyName("locations")]
    public List<LocationInput?>? Locations { get; init; }

    [JsonPropertyName("coworks")]
    public CoworksInput? Coworks { get; init; }

    [JsonPropertyName("cobot")]
    public CobotInput? Cobot { get; init; }

    [JsonPropertyName("settings")]
    public SettingsInput? Settings { get; init; }

    public sealed record LocationInput(
        [property: JsonPropertyName("id")] string? Id,
        [property: JsonPropertyName("name")] string? Name,
        [property: JsonPropertyName("timeZone")] string? TimeZone,
        [property: JsonPropertyName("nasIdentifiers")] List<string?>? NasIdentifiers = null);

    public sealed record CoworksInput(
        [property: JsonPropertyName("apiBaseUrl")] string? ApiBaseUrl,
        [property: JsonPropertyName("spaceId")] string? SpaceId);

    public sealed record CobotInput(
        [property: JsonPropertyName("subdomain")] string? Subdomain,
        [property: JsonPropertyName("apiBaseUrl")] string? ApiBaseUrl = null,
        [property: JsonPropertyName("oauthBaseUrl")] string? OAuthBaseUrl = null,
        [property: JsonPropertyName("customFieldGroups")] bool? CustomFieldGroups = null,
        [property: JsonPropertyName("customFieldLabel")] string? CustomFieldLabel = null);

    public sealed record SettingsInput(
        [property: JsonPropertyName("autoProvision")] bool? AutoProvision,
        [property: JsonPropertyName("autoDeprovision")] bool? AutoDeprovision,
        [property: JsonPropertyName("syncIntervalMinutes")] int? SyncIntervalMinutes,
        [property: JsonPropertyName("sendWelcomeEmail")] bool? SendWelcomeEmail,
        [property: JsonPropertyName("allowAllLocations")] bool? AllowAllLocations = null);

    public const int MinSyncIntervalMinutes = 5;
    public const int MaxSyncIntervalMinutes = 1440;

    /// <summary>Cobot's full sync: hourly by default (its membership list is limited to 6 requests a minute; webhooks carry the rest).</summary>
    public const int DefaultCobotSyncIntervalMinutes = 60;

    /// <summary>Lowercase letters, digits and dashes, 3–50 characters: fits URLs, table keys and Key Vault secret names.</summary>
    public static bool IsValidConnectorId(string id) => ConnectorIdPattern().IsMatch(id);

    public IReadOnlyList<ValidationError> Validate()
    {
        var errors = new List<ValidationError>();
        if (!PlatformNames.IsKnown(Platform))
            errors.Add(new("platform", $"must be \"{PlatformNames.Coworks}\" or \"{PlatformNames.Cobot}\""));
        if (string.IsNullOrWhiteSpace(DisplayName) || DisplayName.Length > 100)
            errors.Add(new("displayName", "is required, at most 100 characters"));
        ValidateLocations(errors);
        if (Platform == PlatformNames.Coworks)
            ValidateCoworks(errors);
        if (Platform == PlatformNames.Cobot)
            CobotInputValidation.Validate(Cobot, errors, Settings?.SyncIntervalMinutes);
        if (Settings?.SyncIntervalMinutes is < MinSyncIntervalMinutes or > MaxSyncIntervalMinutes)
            errors.Add(new("settings.syncIntervalMinutes", $"must be between {MinSyncIntervalMinutes} and {MaxSyncIntervalMinutes}"));
        return errors;
    }

    /// <summary>The connector this input describes; call only when <see cref="Validate"/> found nothing.</summary>
    public Connector ToConnector(string id, Connector? existing, DateTimeOffset now) => new()
    {
        Id = id,
        Platform = Platform!,
        DisplayName = DisplayName!.Trim(),
        Locations = Locations!.Select(l => new ConnectorLocation(l!.Id!.Trim(), l.Name!.Trim(), l.TimeZone!.Trim(),
            (l.NasIdentifiers ?? []).Select(n => n!.Trim()).ToList())).ToList(),
        Coworks = Platform == PlatformNames.Coworks && Coworks is not null ? new CoworksConnectorSettings(new Uri(Coworks.ApiBaseUrl!.TrimEnd('/') + "/"), Coworks.SpaceId!.Trim()) : null,
        Cobot = Platform == PlatformNames.Cobot && Cobot is not null ? CobotInputValidation.ToSettings(Cobot) : null,
        Settings = new ConnectorSettings
        {
            AutoProvision = Settings?.AutoProvision ?? true,
            AutoDeprovision = Settings?.AutoDeprovision ?? true,
            SyncIntervalMinutes = Settings?.SyncIntervalMinutes ?? (Platform == PlatformNames.Cobot ? DefaultCobotSyncIntervalMinutes : 15),
            SendWelcomeEmail = Settings?.SendWelcomeEmail ?? true,
            AllowAllLocations = Settings?.AllowAllLocations ?? false,
        },
        PlanMappings = existing?.PlanMappings ?? PlanMapping.Defaults,
        WebhookSecretRotatedAt = existing?.WebhookSecretRotatedAt,
        CreatedAt = existing?.CreatedAt ?? now,
        UpdatedAt = now,
        ETag = existing?.ETag ?? default,
    };

    private void ValidateLocations(List<ValidationError> errors)
    {
        if (Locations is null || Locations.Count == 0)
        {
            errors.Add(new("locations", "must list at least one location"));
            return;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Locations.Count; i++)
        {
            var location = Locations[i];
            if (location is null)
            {
                errors.Add(new($"locations[{i}]", "must be an object"));
                continue;
            }
            if (string.IsNullOrWhiteSpace(location.Id))
                errors.Add(new($"locations[{i}].id", "is required"));
            else if (!seen.Add(location.Id.Trim()))
                errors.Add(new($"locations[{i}].id", $"repeats \"{location.Id}\""));
            if (string.IsNullOrWhiteSpace(location.Name))
                errors.Add(new($"locations[{i}].name", "is required"));
            if (string.IsNullOrWhiteSpace(location.TimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(location.TimeZone.Trim(), out _))
                errors.Add(new($"locations[{i}].timeZone", "must be an IANA time zone such as Europe/Berlin"));
            var nas = location.NasIdentifiers ?? [];
            for (var n = 0; n < nas.Count; n++)
            {
                if (string.IsNullOrWhiteSpace(nas[n]) || nas[n]!.Length > 253)
                    errors.Add(new($"locations[{i}].nasIdentifiers[{n}]", "must be a NAS-Identifier or Called-Station-Id pattern (* matches anything), at most 253 characters"));
            }
        }
    }

    private void ValidateCoworks(List<ValidationError> errors)
    {
        if (Coworks is null)
        {
            errors.Add(new("coworks", "is required for a Coworks connector"));
            return;
        }
        if (!Uri.TryCreate(Coworks.ApiBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(uri.Query))
            errors.Add(new("coworks.apiBaseUrl", "must be an absolute http(s) URL without a query"));
        if (string.IsNullOrWhiteSpace(Coworks.SpaceId))
            errors.Add(new("coworks.spaceId", "is required"));
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,48}[a-z0-9]$")]
    private static partial Regex ConnectorIdPattern();
}
