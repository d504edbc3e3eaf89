using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using CoworkSync.Connectors.Seam;
using CoworkSync.Outcomes;

namespace CoworkSync.Connectors.Updates;

/// <summary>
/// The body of <c>PUT /api/admin/connectors/{connectorId}</c>, before validation. The platform's section is the property
/// named after the platform (<c>"{name}": {…}</c>); the platform reads it (<see cref="IPlatformSettings.Read"/>).
/// </summary>
public sealed partial record ConnectorInput
{
    [JsonPropertyName("platform")]
    public string? Platform { get; init; }

    [JsonPropertyName("displayName")]
    public string? DisplayName { get; init; }

    [JsonPropertyName("locations")]
    public List<LocationInput?>? Locations { get; init; }

    [JsonPropertyName("settings")]
    public SettingsInput? Settings { get; init; }

    /// <summary>Every other property of the body: the platforms' sections, by platform name.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Sections { get; init; }

    public sealed record LocationInput(
        [property: JsonPropertyName("id")] string? Id,
        [property: JsonPropertyName("name")] string? Name,
        [property: JsonPropertyName("timeZone")] string? TimeZone,
        [property: JsonPropertyName("nasIdentifiers")] List<string?>? NasIdentifiers = null,
        [property: JsonPropertyName("networkName")] string? NetworkName = null,
        [property: JsonPropertyName("serverCertificateName")] string? ServerCertificateName = null);

    public sealed record SettingsInput(
        [property: JsonPropertyName("autoProvision")] bool? AutoProvision,
        [property: JsonPropertyName("autoDeprovision")] bool? AutoDeprovision,
        [property: JsonPropertyName("syncIntervalMinutes")] int? SyncIntervalMinutes,
        [property: JsonPropertyName("sendWelcomeEmail")] bool? SendWelcomeEmail,
        [property: JsonPropertyName("allowAllLocations")] bool? AllowAllLocations = null);

    public const int MinSyncIntervalMinutes = 5;
    public const int MaxSyncIntervalMinutes = 1440;

    /// <summary>Lowercase letters, digits and dashes, 3–50 characters: fits URLs, table keys and Key Vault secret names.</summary>
    public static bool IsValidConnectorId(string id) => ConnectorIdPattern().IsMatch(id);

    /// <summary>The section of the body named <paramref name="platform"/> (matched as the body's other properties are, ignoring case); null when absent.</summary>
    public JsonElement? Section(string platform) =>
        Sections?.FirstOrDefault(s => string.Equals(s.Key, platform, StringComparison.OrdinalIgnoreCase)) is { Key: not null } found ? found.Value : null;

    /// <summary>What is wrong with the input, in the order an operator reads the body: platform, name, locations, the platform's section, settings.</summary>
    public IReadOnlyList<ValidationError> Validate(PlatformRegistry platforms) => Read(platforms).Errors;

    /// <summary>The connector this input describes; call only when <see cref="Validate"/> found nothing.</summary>
    /// <param name="id">The connector's id.</param>
    /// <param name="existing">The connector as stored, when this input replaces it: it keeps its plan mappings, when its secrets were set, creation time and ETag.</param>
    /// <param name="now">When the connector is saved.</param>
    /// <param name="platforms">The registered platforms, which read their sections.</param>
    public Connector ToConnector(string id, Connector? existing, DateTimeOffset now, PlatformRegistry platforms)
    {
        var (errors, platform, platformSettings) = Read(platforms);
        if (errors.Count > 0 || platform is null)
            throw new InvalidOperationException($"The input is not valid: {errors[0].Field} {errors[0].Reason}.");
        return new()
        {
            Id = id,
            Platform = platform.Name,
            DisplayName = DisplayName!.Trim(),
            Locations = Locations!.Select(l => new ConnectorLocation(l!.Id!.Trim(), l.Name!.Trim(), l.TimeZone!.Trim(),
                (l.NasIdentifiers ?? []).Select(n => n!.Trim()).ToList(), LocationNames.Optional(l.NetworkName), LocationNames.Optional(l.ServerCertificateName))).ToList(),
            PlatformSettings = platformSettings,
            Settings = new ConnectorSettings
            {
                AutoProvision = Settings?.AutoProvision ?? true,
                AutoDeprovision = Settings?.AutoDeprovision ?? true,
                SyncIntervalMinutes = Settings?.SyncIntervalMinutes ?? platform.Settings.DefaultSyncIntervalMinutes,
                SendWelcomeEmail = Settings?.SendWelcomeEmail ?? true,
                AllowAllLocations = Settings?.AllowAllLocations ?? false,
            },
            PlanMappings = existing?.PlanMappings ?? PlanMapping.Defaults,
            WebhookSecretRotatedAt = existing?.WebhookSecretRotatedAt,
            SecretsSetAt = existing?.SecretsSetAt ?? new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal),
            CreatedAt = existing?.CreatedAt ?? now,
            UpdatedAt = now,
            ETag = existing?.ETag ?? default,
        };
    }

    /// <summary>
    /// A section any registered platform cannot read as JSON makes the body unreadable: that one error, as for a body
    /// of the wrong shape. Otherwise every error, and the connector's platform with its settings.
    /// </summary>
    private (IReadOnlyList<ValidationError> Errors, IPlatform? Platform, PlatformSettings? PlatformSettings) Read(PlatformRegistry platforms)
    {
        foreach (var candidate in platforms.All)
        {
            if (Section(candidate.Name) is { } present && candidate.Settings.Read(present, Settings?.SyncIntervalMinutes).Malformed is { } malformed)
                return ([malformed], null, null);
        }

        var errors = new List<ValidationError>();
        var platform = platforms.Find(Platform);
        if (platform is null)
            errors.Add(new("platform", $"must be {platforms.Choices()}"));
        if (string.IsNullOrWhiteSpace(DisplayName) || DisplayName.Length > 100)
            errors.Add(new("displayName", "is required, at most 100 characters"));
        ValidateLocations(errors);
        var reading = platform?.Settings.Read(Section(platform.Name), Settings?.SyncIntervalMinutes);
        if (reading is not null)
            errors.AddRange(reading.Errors);
        if (Settings?.SyncIntervalMinutes is < MinSyncIntervalMinutes or > MaxSyncIntervalMinutes)
            errors.Add(new("settings.syncIntervalMinutes", $"must be between {MinSyncIntervalMinutes} and {MaxSyncIntervalMinutes}"));
        return (errors, platform, reading?.Settings);
    }

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
            if (LocationNames.CheckNetworkName(location.NetworkName) is { } network)
                errors.Add(new($"locations[{i}].networkName", network));
            if (LocationNames.CheckServerCertificateName(location.ServerCertificateName) is { } certificate)
                errors.Add(new($"locations[{i}].serverCertificateName", certificate));
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,48}[a-z0-9]$")]
    private static partial Regex ConnectorIdPattern();
}
