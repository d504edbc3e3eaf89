using System.Text.Json.Serialization;
using CoworkSync.Connectors;

namespace CoworkSync.Administration.Connectors;

/// <summary>
/// A connector as the admin API shows it: its configuration and which secrets are set, never their values. Every
/// registered platform's section follows, under the platform's name: the connector's own platform's filled in, the
/// others' null.
/// </summary>
/// <param name="Id">The connector's id.</param>
/// <param name="Platform">Its platform's name.</param>
/// <param name="DisplayName">Its name for people.</param>
/// <param name="Locations">Its locations.</param>
/// <param name="Settings">What the operator decided about provisioning.</param>
/// <param name="Secrets">Each of the platform's secrets as <c>set</c> or <c>missing</c>.</param>
/// <param name="WebhookSecretRotatedAt">When the webhook secret last changed.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When its configuration last changed.</param>
public sealed record ConnectorView(
    string Id,
    string Platform,
    string DisplayName,
    IReadOnlyList<LocationView> Locations,
    SettingsView Settings,
    IReadOnlyDictionary<string, string> Secrets,
    DateTimeOffset? WebhookSecretRotatedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Every registered platform's section by its name; null for all but the connector's own platform.</summary>
    [JsonExtensionData]
    public Dictionary<string, object?> PlatformSections { get; init; } = [];
}

/// <param name="Id">The location's id at the platform.</param>
/// <param name="Name">Its name.</param>
/// <param name="TimeZone">Its IANA time zone.</param>
/// <param name="NasIdentifiers">Its access points' patterns.</param>
/// <param name="NetworkName">Its WiFi network's name; null: the deployment's.</param>
/// <param name="ServerCertificateName">The name on its RADIUS server's certificate; null when not set.</param>
public sealed record LocationView(string Id, string Name, string TimeZone, IReadOnlyList<string> NasIdentifiers, string? NetworkName, string? ServerCertificateName)
{
    public static LocationView From(ConnectorLocation location) =>
        new(location.Id, location.Name, location.TimeZone, location.NasPatterns, location.NetworkName, location.ServerCertificateName);
}

/// <param name="AutoProvision">Accounts are created for members who should have one.</param>
/// <param name="AutoDeprovision">Accounts are disabled when the membership ends.</param>
/// <param name="SyncIntervalMinutes">How often a full sync runs.</param>
/// <param name="SendWelcomeEmail">New accounts get their credentials by email.</param>
/// <param name="AllowAllLocations">Members may connect at every location of the connector.</param>
public sealed record SettingsView(bool AutoProvision, bool AutoDeprovision, int SyncIntervalMinutes, bool SendWelcomeEmail, bool AllowAllLocations)
{
    public static SettingsView From(ConnectorSettings s) => new(s.AutoProvision, s.AutoDeprovision, s.SyncIntervalMinutes, s.SendWelcomeEmail, s.AllowAllLocations);
}

/// <summary>One plan → access groups mapping as the admin API shows it.</summary>
/// <param name="PlanId">The plan's id; null when matched by name.</param>
/// <param name="PlanName">The plan's name.</param>
/// <param name="Groups">The access groups it grants; empty: no WiFi.</param>
public sealed record PlanMappingView(string? PlanId, string PlanName, IReadOnlyList<string> Groups)
{
    public static IReadOnlyList<PlanMappingView> From(IEnumerable<PlanMapping> mappings) =>
        [.. mappings.Select(m => new PlanMappingView(m.PlanId, m.PlanName, m.Groups))];
}
