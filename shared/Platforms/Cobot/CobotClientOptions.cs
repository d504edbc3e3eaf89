using System.ComponentModel.DataAnnotations;

namespace CoworkSync.Platforms.Cobot;

/// <summary>Settings section <c>Cobot</c> (app settings <c>Cobot__…</c>).</summary>
public sealed class CobotClientOptions
{
    public const string SectionName = "Cobot";

    /// <summary>Cobot's general limit per token (60 a minute).</summary>
    [Range(1, 10_000)]
    public int RequestsPerMinute { get; set; } = 60;

    /// <summary>Cobot's limit on <c>GET /api/memberships</c> (6 a minute).</summary>
    [Range(1, 10_000)]
    public int MembershipListsPerMinute { get; set; } = 6;

    /// <summary>The window the limits count in: a minute plus a second of margin for clocks and latency.</summary>
    public TimeSpan RateWindow { get; set; } = TimeSpan.FromSeconds(61);

    /// <summary>How often a 429 is waited out and retried within one call.</summary>
    [Range(0, 10)]
    public int MaxThrottleRetries { get; set; } = 3;

    /// <summary>The longest Retry-After (or limiter wait) a call sits through; longer fails transiently for the queue to retry.</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Timeout of one request.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The public URL of this app (<c>https://coworksync.example.com</c>): OAuth redirect and webhook callbacks start with it.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// Cobot's user-level origin for members signing in to the portal (OAuth and <c>GET /api/user</c>): a connector's
    /// <c>oauthBaseUrl</c> belongs to its space, a member's sign-in to none. Default <c>https://www.cobot.me/</c>.
    /// </summary>
    public string SignInBaseUrl { get; set; } = "https://www.cobot.me/";

    /// <summary>How long an OAuth <c>state</c> is valid.</summary>
    public TimeSpan OAuthStateLifetime { get; set; } = TimeSpan.FromMinutes(15);
}
