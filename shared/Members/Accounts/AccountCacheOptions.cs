using System.ComponentModel.DataAnnotations;

namespace CoworkSync.Members.Accounts;

/// <summary>How long RADIUS may answer from an account (and its usage row) read before. Settings section <c>Accounts</c>.</summary>
public sealed class AccountCacheOptions
{
    public const string SectionName = "Accounts";

    /// <summary>
    /// Seconds an instance serves an account read from storage before reading it again (0: read every time). A change
    /// stored by any instance (a member disabled, a password changed) reaches every instance within this time; the
    /// instance that stored it sees it at once. At most 4, so a disabled member is refused within 5 s everywhere.
    /// Default 3.
    /// </summary>
    [Range(0, 4)]
    public double CacheSeconds { get; set; } = 3;

    public TimeSpan Ttl => TimeSpan.FromSeconds(CacheSeconds);
}
