namespace CoworkSync.NetworkAccess;

/// <summary>What an authorize decision needs of a RADIUS Access-Request.</summary>
/// <param name="Username">The user name as sent (<c>User-Name</c>); compared lowercase.</param>
/// <param name="NasIdentifier">The asking access point's <c>NAS-Identifier</c>, if sent.</param>
/// <param name="CalledStationId">The access point's <c>Called-Station-Id</c> (often its MAC and SSID), if sent.</param>
/// <param name="CallingStationId">The device's <c>Calling-Station-Id</c> (its MAC), if sent.</param>
public sealed record AuthorizeRequest(string? Username, string? NasIdentifier, string? CalledStationId, string? CallingStationId)
{
    /// <summary>The user name as accounts are keyed: trimmed and lowercase; null when there is none.</summary>
    public string? AccountKey { get; } = string.IsNullOrWhiteSpace(Username) ? null : Username.Trim().ToLowerInvariant();

    /// <summary>The device as <see cref="CallingStation"/> writes it.</summary>
    public string? Device { get; } = CallingStation.Normalize(CallingStationId);

    public static AuthorizeRequest From(RadiusAttributes attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        return new AuthorizeRequest(attributes.String("User-Name"), attributes.String("NAS-Identifier"),
            attributes.String("Called-Station-Id"), attributes.String("Calling-Station-Id"));
    }
}
