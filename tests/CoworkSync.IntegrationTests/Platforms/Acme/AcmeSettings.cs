using System.Text.Json;
using System.Text.RegularExpressions;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Outcomes;

namespace CoworkSync.IntegrationTests.Platforms.Acme;

/// <summary>An Acme connector's settings: the site it is for.</summary>
/// <param name="SiteCode">The Acme site's code.</param>
public sealed record AcmeSettings(string SiteCode)
{
    public static AcmeSettings? Of(Connector connector) =>
        connector.Platform == AcmePlatform.PlatformName ? connector.PlatformSettings?.As<AcmeSettings>() : null;
}

/// <summary>The <c>acme</c> section of a connector's body: <c>{"siteCode":"site-1"}</c>; an Acme connector syncs at least every two hours.</summary>
public sealed partial class AcmeSettingsSection : IPlatformSettings
{
    public const int MaxSyncIntervalMinutes = 120;

    public int DefaultSyncIntervalMinutes => 30;

    public SettingsReading Read(JsonElement? section, int? syncIntervalMinutes)
    {
        ValidationError? malformed = null;
        var input = section is { } json ? PlatformJson.Read<Input>(json, AcmePlatform.PlatformName, out malformed) : null;
        if (malformed is not null)
            return SettingsReading.Unreadable(malformed);
        var errors = new List<ValidationError>();
        if (input is null)
            errors.Add(new("acme", "is required for an Acme connector"));
        else if (input.SiteCode is not { } code || !SiteCode().IsMatch(code))
            errors.Add(new("acme.siteCode", "must be an Acme site code such as site-1"));
        if (syncIntervalMinutes > MaxSyncIntervalMinutes)
            errors.Add(new("settings.syncIntervalMinutes", $"must be at most {MaxSyncIntervalMinutes} for an Acme connector"));
        return errors.Count > 0 ? SettingsReading.Invalid(errors) : SettingsReading.Valid(PlatformSettings.From(new AcmeSettings(input!.SiteCode!)));
    }

    public IReadOnlyList<PlatformField> Fields { get; } =
        [new("siteCode", "Site code", "The Acme site this connector is for (site-1).", PlatformFieldKind.Text, Required: true)];

    public IReadOnlyDictionary<string, string?> FieldValues(Connector connector) =>
        new Dictionary<string, string?> { ["siteCode"] = AcmeSettings.Of(connector)?.SiteCode };

    private sealed record Input(string? SiteCode);

    [GeneratedRegex("^site-[0-9]+$")]
    private static partial Regex SiteCode();
}
