using System.Globalization;

namespace CoworkSync.IntegrationTests.Infrastructure;

public enum AcctStatusType
{
    Start,
    Stop,
    InterimUpdate,
    AccountingOn,
    AccountingOff,
}

/// <summary>An Accounting-Request as an access point sends it: a session starts, goes on, stops, or the NAS (re)starts.</summary>
public sealed record RadiusAccountingRequest(AcctStatusType StatusType)
{
    public string? UserName { get; init; }

    public string? SessionId { get; init; }

    /// <summary>Seconds the session has lasted (Interim-Update and Stop).</summary>
    public int? SessionTime { get; init; }

    public string? NasIdentifier { get; init; }

    public string? NasIpAddress { get; init; }

    public string? CalledStationId { get; init; }

    public string? CallingStationId { get; init; }

    /// <summary>More attributes by dictionary name (e.g. Acct-Input-Octets, Acct-Terminate-Cause), sent after the ones above.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> OtherAttributes { get; init; } = [];

    internal IEnumerable<KeyValuePair<string, string?>> Attributes() =>
    [
        new("Acct-Status-Type", StatusType switch
        {
            AcctStatusType.Start => "Start",
            AcctStatusType.Stop => "Stop",
            AcctStatusType.InterimUpdate => "Interim-Update",
            AcctStatusType.AccountingOn => "Accounting-On",
            AcctStatusType.AccountingOff => "Accounting-Off",
            _ => throw new ArgumentOutOfRangeException(nameof(StatusType), StatusType, null),
        }),
        new("User-Name", UserName),
        new("Acct-Session-Id", SessionId),
        new("Acct-Session-Time", SessionTime?.ToString(CultureInfo.InvariantCulture)),
        new("NAS-Identifier", NasIdentifier),
        new("NAS-IP-Address", NasIpAddress),
        new("Called-Station-Id", CalledStationId),
        new("Calling-Station-Id", CallingStationId),
        .. OtherAttributes.Select(a => new KeyValuePair<string, string?>(a.Key, a.Value)),
    ];
}
