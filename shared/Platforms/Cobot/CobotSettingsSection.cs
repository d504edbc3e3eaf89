using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Outcomes;

namespace CoworkSync.Platforms.Cobot;

/// <summary>
/// The <c>cobot</c> section of a connector's body: <c>{"subdomain":"co-up"}</c>, with the API and OAuth origins
/// defaulting to Cobot's and the custom-field option. A Cobot connector syncs at least hourly.
/// </summary>
public sealed partial class CobotSettingsSection : IPlatformSettings
{
    public const int MaxSyncIntervalMinutes = 60;

    /// <summary>Cobot's full sync: hourly by default (its membership list is limited to 6 requests a minute; webhooks carry the rest).</summary>
    public int DefaultSyncIntervalMinutes => 60;

    public SettingsReading Read(JsonElement? section, int? syncIntervalMinutes)
    {
        ValidationError? malformed = null;
        var input = section is { } json ? PlatformJson.Read<Input>(json, CobotPlatform.PlatformName, out malformed) : null;
        if (malformed is not null)
            return SettingsReading.Unreadable(malformed);
        var errors = Validate(input, syncIntervalMinutes);
        return errors.Count > 0 ? SettingsReading.Invalid(errors) : SettingsReading.Valid(ToSettings(input!).ToPlatformSettings());
    }

    public static IReadOnlyList<ValidationError> Validate(Input? input, int? syncIntervalMinutes = null)
    {
        if (input is null)
            return [new("cobot", "is required for a Cobot connector")];
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(input.Subdomain) || !SubdomainPattern().IsMatch(input.Subdomain.Trim()))
            errors.Add(new("cobot.subdomain", "must be the space's Cobot subdomain: lowercase letters, digits and dashes (co-up for https://co-up.cobot.me)"));
        if (input.ApiBaseUrl is not null && !IsOrigin(input.ApiBaseUrl))
            errors.Add(new("cobot.apiBaseUrl", "must be an absolute http(s) URL without a path or query"));
        if (input.OAuthBaseUrl is not null && !IsOrigin(input.OAuthBaseUrl))
            errors.Add(new("cobot.oauthBaseUrl", "must be an absolute http(s) URL without a path or query"));
        if (input.CustomFieldLabel is { } label && (string.IsNullOrWhiteSpace(label) || label.Trim().Length > 100))
            errors.Add(new("cobot.customFieldLabel", "must be non-empty, at most 100 characters"));
        if (syncIntervalMinutes > MaxSyncIntervalMinutes)
            errors.Add(new("settings.syncIntervalMinutes", $"must be at most {MaxSyncIntervalMinutes} for a Cobot connector: a full sync runs at least hourly"));
        return errors;
    }

    /// <summary>The settings; call only when <see cref="Validate"/> found nothing.</summary>
    public static CobotConnectorSettings ToSettings(Input input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var subdomain = input.Subdomain!.Trim();
        return new CobotConnectorSettings(
            subdomain,
            Origin(input.ApiBaseUrl ?? DefaultApiOrigin(subdomain)),
            Origin(input.OAuthBaseUrl ?? DefaultOAuthOrigin),
            input.CustomFieldGroups ?? false,
            input.CustomFieldLabel?.Trim() ?? CobotConnectorSettings.DefaultCustomFieldLabel);
    }

    public IReadOnlyList<PlatformField> Fields { get; } =
    [
        new("subdomain", "Subdomain", "The space's Cobot subdomain: co-up for https://co-up.cobot.me.", PlatformFieldKind.Text, Required: true),
        new("customFieldGroups", "Access groups from a custom field",
            "Members' custom field (labelled as below) adds the access group ids it holds, comma-separated, to their groups.", PlatformFieldKind.Bool, Default: "false"),
        new("customFieldLabel", "Custom field label", "The label of that custom field in the space.", PlatformFieldKind.Text,
            Default: CobotConnectorSettings.DefaultCustomFieldLabel),
        new("apiBaseUrl", "API origin", "Leave empty for the space's own, https://{subdomain}.cobot.me.", PlatformFieldKind.Url),
        new("oauthBaseUrl", "OAuth origin", "Leave empty for Cobot's, " + DefaultOAuthOrigin + ".", PlatformFieldKind.Url),
    ];

    /// <summary>The origins only when they differ from their defaults, so that a changed subdomain moves the API origin with it.</summary>
    public IReadOnlyDictionary<string, string?> FieldValues(Connector connector)
    {
        if (CobotConnectorSettings.Of(connector) is not { } settings)
            return new Dictionary<string, string?>();
        var api = settings.ApiBaseUrl.ToString().TrimEnd('/');
        var oauth = settings.OAuthBaseUrl.ToString().TrimEnd('/');
        return new Dictionary<string, string?>
        {
            ["subdomain"] = settings.Subdomain,
            ["customFieldGroups"] = settings.CustomFieldGroups ? "true" : "false",
            ["customFieldLabel"] = settings.CustomFieldLabel,
            ["apiBaseUrl"] = api == DefaultApiOrigin(settings.Subdomain) ? null : api,
            ["oauthBaseUrl"] = oauth == DefaultOAuthOrigin ? null : oauth,
        };
    }

    private const string DefaultOAuthOrigin = "https://www.cobot.me";

    private static string DefaultApiOrigin(string subdomain) => $"https://{subdomain}.cobot.me";

    private static Uri Origin(string url) => new(url.TrimEnd('/') + "/");

    private static bool IsOrigin(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
        && uri.AbsolutePath is "/" or "" && string.IsNullOrEmpty(uri.Query);

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex SubdomainPattern();

    /// <summary>The <c>cobot</c> section as the body gives it.</summary>
    /// <param name="Subdomain">The space's Cobot subdomain.</param>
    /// <param name="ApiBaseUrl">Overrides the space's API origin (tests).</param>
    /// <param name="OAuthBaseUrl">Overrides Cobot's OAuth origin (tests).</param>
    /// <param name="CustomFieldGroups">Whether members' custom field adds access groups.</param>
    /// <param name="CustomFieldLabel">That custom field's label.</param>
    public sealed record Input(
        [property: JsonPropertyName("subdomain")] string? Subdomain,
        [property: JsonPropertyName("apiBaseUrl")] string? ApiBaseUrl = null,
        [property: JsonPropertyName("oauthBaseUrl")] string? OAuthBaseUrl = null,
        [property: JsonPropertyName("customFieldGroups")] bool? CustomFieldGroups = null,
        [property: JsonPropertyName("customFieldLabel")] string? CustomFieldLabel = null);
}
