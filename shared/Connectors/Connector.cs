using Azure;

namespace CoworkSync.Connectors;

/// <summary>One coworking space (a Coworks space or a Cobot subdomain) connected to this deployment.</summary>
public sealed record Connector
{
    public required string Id { get; init; }

    public required string Platform { get; init; }

    public required string DisplayName { get; init; }

    public IReadOnlyList<ConnectorLocation> Locations { get; init; } = [];

    public CoworksConnectorSettings? Coworks { get; init; }

    public CobotConnectorSettings? Cobot { get; init; }

    public ConnectorSettings Settings { get; init; } = new();

    public IReadOnlyList<PlanMapping> PlanMappings { get; init; } = PlanMapping.Defaults;

    /// <summary>When the webhook secret last changed; the previous one stays valid for a grace period after it.</summary>
    public DateTimeOffset? WebhookSecretRotatedAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public ETag ETag { get; init; }
}

/// <param name="Id">The location's id at the platform.</param>
/// <param name="Name">The location's name, for people.</param>
/// <param name="TimeZone">The IANA time zone the location's days, windows and billing cycles follow.</param>
/// <param name="NasIdentifiers">
/// Patterns (<c>*</c> = anything) matched against a RADIUS request's NAS-Identifier or Called-Station-Id: the access
/// points of this location. A request from a NAS no location lists is denied.
/// </param>
public sealed record ConnectorLocation(string Id, string Name, string TimeZone, IReadOnlyList<string>? NasIdentifiers = null)
{
    public IReadOnlyList<string> NasPatterns => NasIdentifiers ?? [];
}

public sealed record CoworksConnectorSettings(Uri ApiBaseUrl, string SpaceId);

/// <param name="Subdomain">The space's Cobot subdomain (<c>co-up</c> for <c>https://co-up.cobot.me</c>).</param>
/// <param name="ApiBaseUrl">The space's API1 origin, <c>https://{subdomain}.cobot.me/</c> unless overridden (tests).</param>
/// <param name="OAuthBaseUrl">Cobot's OAuth and user-level origin, <c>https://www.cobot.me/</c> unless overridden.</param>
/// <param name="CustomFieldGroups">Members' custom field <paramref name="CustomFieldLabel"/> adds access groups.</param>
/// <param name="CustomFieldLabel">The label of that custom field in the space (<see cref="DefaultCustomFieldLabel"/> unless set).</param>
public sealed record CobotConnectorSettings(string Subdomain, Uri ApiBaseUrl, Uri OAuthBaseUrl, bool CustomFieldGroups = false, string CustomFieldLabel = CobotConnectorSettings.DefaultCustomFieldLabel)
{
    public const string DefaultCustomFieldLabel = "WiFi groups";
}
