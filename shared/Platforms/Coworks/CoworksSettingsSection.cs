using System.Text.Json;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Outcomes;

namespace CoworkSync.Platforms.Coworks;

/// <summary>The <c>coworks</c> section of a connector's body: <c>{"apiBaseUrl":"https://…","spaceId":"spc_…"}</c>, both required.</summary>
public sealed class CoworksSettingsSection : IPlatformSettings
{
    /// <summary>A Coworks connector syncs every 15 minutes unless its settings say otherwise.</summary>
    public int DefaultSyncIntervalMinutes => 15;

    public SettingsReading Read(JsonElement? section, int? syncIntervalMinutes)
    {
        ValidationError? malformed = null;
        var input = section is { } json ? PlatformJson.Read<Input>(json, CoworksPlatform.PlatformName, out malformed) : null;
        if (malformed is not null)
            return SettingsReading.Unreadable(malformed);
        if (input is null)
            return SettingsReading.Invalid([new("coworks", "is required for a Coworks connector")]);
        var errors = new List<ValidationError>();
        if (!Uri.TryCreate(input.ApiBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(uri.Query))
            errors.Add(new("coworks.apiBaseUrl", "must be an absolute http(s) URL without a query"));
        if (string.IsNullOrWhiteSpace(input.SpaceId))
            errors.Add(new("coworks.spaceId", "is required"));
        return errors.Count > 0
            ? SettingsReading.Invalid(errors)
            : SettingsReading.Valid(new CoworksConnectorSettings(new Uri(input.ApiBaseUrl!.TrimEnd('/') + "/"), input.SpaceId!.Trim()).ToPlatformSettings());
    }

    public IReadOnlyList<PlatformField> Fields { get; } =
    [
        new("apiBaseUrl", "API base URL", "The Coworks API's address, as Coworks gives it (https://…).", PlatformFieldKind.Url, Required: true),
        new("spaceId", "Space id", "The Coworks space this connector is for (spc_…).", PlatformFieldKind.Text, Required: true),
    ];

    public IReadOnlyDictionary<string, string?> FieldValues(Connector connector) =>
        CoworksConnectorSettings.Of(connector) is { } settings
            ? new Dictionary<string, string?> { ["apiBaseUrl"] = settings.ApiBaseUrl.ToString().TrimEnd('/'), ["spaceId"] = settings.SpaceId }
            : new Dictionary<string, string?>();

    private sealed record Input(string? ApiBaseUrl, string? SpaceId);
}
