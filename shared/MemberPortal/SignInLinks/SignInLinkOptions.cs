using System.ComponentModel.DataAnnotations;

namespace CoworkSync.MemberPortal.SignInLinks;

/// <summary>Settings section <c>Portal</c> (app settings <c>Portal__…</c>): the emailed sign-in links and their limits.</summary>
public sealed class SignInLinkOptions
{
    public const string SectionName = "Portal";

    /// <summary>How long an emailed link works (once). Default 15 minutes.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The window the request limits count in; fixed windows from the top of the hour. Default 1 hour.</summary>
    public TimeSpan LimitWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Links asked for one email address per window. Default 3.</summary>
    [Range(1, 1000)]
    public int PerEmailLimit { get; set; } = 3;

    /// <summary>Links asked for from one client address per window. Default 10.</summary>
    [Range(1, 100_000)]
    public int PerClientLimit { get; set; } = 10;
}
