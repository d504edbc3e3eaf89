using System.ComponentModel.DataAnnotations;

namespace CoworkSync.NetworkAccess;

/// <summary>Deployment-wide RADIUS terms. Settings section <c>Radius</c>.</summary>
public sealed class RadiusOptions
{
    public const string SectionName = "Radius";

    /// <summary>
    /// The longest Session-Timeout any Access-Accept carries, whatever the groups say. A member disabled while
    /// connected keeps access at most this long: the access point then re-authenticates and CoworkSync says no.
    /// Default 3600 (one hour).
    /// </summary>
    [Range(60, 86_400)]
    public int MaxSessionTimeoutSeconds { get; set; } = 3600;

    /// <summary>
    /// Seconds between writes of the Interim-Updates kept in memory (<see cref="UsageLedger"/>): each usage row that
    /// received some is written once per interval, and everything pending when the app stops. A crash loses at most this
    /// long of interims, which the session's next interim or Stop carries again. Default 5.
    /// </summary>
    [Range(1, 300)]
    public int AccountingFlushSeconds { get; set; } = 5;
}
