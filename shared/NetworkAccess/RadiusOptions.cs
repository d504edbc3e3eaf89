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
}
