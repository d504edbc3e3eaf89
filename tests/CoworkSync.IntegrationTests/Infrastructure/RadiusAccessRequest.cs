namespace CoworkSync.IntegrationTests.Infrastructure;

/// <summary>An Access-Request with a PAP password, as an access point sends it; the optional attributes tell CoworkSync where.</summary>
public sealed record RadiusAccessRequest(string UserName, string Password)
{
    public string? NasIdentifier { get; init; }

    public string? NasIpAddress { get; init; }

    /// <summary>The access point's MAC and SSID, e.g. <c>AA-BB-CC-DD-EE-FF:CoworkSync</c>.</summary>
    public string? CalledStationId { get; init; }

    /// <summary>The member's device MAC.</summary>
    public string? CallingStationId { get; init; }

    /// <summary>More attributes by dictionary name, sent after the ones above.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> OtherAttributes { get; init; } = [];

    internal IEnumerable<KeyValuePair<string, string?>> Attributes() =>
    [
        new("User-Name", UserName),
        new("User-Password", Password),
        new("NAS-Identifier", NasIdentifier),
        new("NAS-IP-Address", NasIpAddress),
        new("Called-Station-Id", CalledStationId),
        new("Calling-Station-Id", CallingStationId),
        .. OtherAttributes.Select(a => new KeyValuePair<string, string?>(a.Key, a.Value)),
    ];
}
