using Azure;

namespace CoworkSync.Connectors;

/// <summary>One coworking space at one platform, connected to this deployment.</summary>
public sealed record Connector
{
    public required string Id { get; init; }

    /// <summary>The name of the platform that serves it (see <see cref="Seam.IPlatform.Name"/>).</summary>
    public required string Platform { get; init; }

    public required string DisplayName { get; init; }

    public IReadOnlyList<ConnectorLocation> Locations { get; init; } = [];

    /// <summary>What the platform needs to know about the space; only the platform reads it. Null when never set.</summary>
    public PlatformSettings? PlatformSettings { get; init; }

    public ConnectorSettings Settings { get; init; } = new();

    public IReadOnlyList<PlanMapping> PlanMappings { get; init; } = PlanMapping.Defaults;

    /// <summary>When the webhook secret last changed; the previous one stays valid for a grace period after it.</summary>
    public DateTimeOffset? WebhookSecretRotatedAt { get; init; }

    /// <summary>When each of the platform's secrets was last set through <c>PUT …/secrets</c>, by secret name; never a value.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> SecretsSetAt { get; init; } = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);

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
/// <param name="NetworkName">
/// The WiFi network's name (SSID) at this location, shown to members in the portal and the welcome email; null: the
/// deployment's <c>Email:NetworkName</c>.
/// </param>
/// <param name="ServerCertificateName">
/// The name on the RADIUS server's certificate (its common name, e.g. <c>radius.example.com</c>): members' devices are
/// told to trust a server by that name (the Apple profile's <c>TLSTrustedServerNames</c>); null when not set.
/// </param>
public sealed record ConnectorLocation(
    string Id, string Name, string TimeZone, IReadOnlyList<string>? NasIdentifiers = null, string? NetworkName = null, string? ServerCertificateName = null)
{
    public IReadOnlyList<string> NasPatterns => NasIdentifiers ?? [];
}
