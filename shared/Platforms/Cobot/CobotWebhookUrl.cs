namespace CoworkSync.Platforms.Cobot;

/// <summary>
/// What a Cobot webhook body may point at: a membership on the connector's own API host,
/// <c>{api}/api/memberships/{id}</c>, or one of its sub-resources (<c>/custom_fields</c>, <c>/time_passes…</c>,
/// <c>/plans</c>). Anything else (another host, scheme or port, another resource, a query) is refused.
/// </summary>
public static class CobotWebhookUrl
{
    private static readonly HashSet<string> MembershipParts = new(StringComparer.Ordinal) { "custom_fields", "time_passes", "plans" };

    public static bool TryGetMembershipId(string? url, Uri apiBaseUrl, out string membershipId)
    {
        membershipId = "";
        if (string.IsNullOrWhiteSpace(url) || url.Length > 2048 || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
            return false;
        if (!CobotClient.SameOrigin(uri, apiBaseUrl) || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
            return false;
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 3 || segments[0] != "api" || segments[1] != "memberships")
            return false;
        if (segments.Length > 3 && !MembershipParts.Contains(segments[3]))
            return false;
        if (segments.Length > 5)
            return false;
        var id = Uri.UnescapeDataString(segments[2]);
        if (!IsMembershipId(id))
            return false;
        membershipId = id;
        return true;
    }

    /// <summary>What a membership id may look like: 1-100 ASCII letters, digits, dashes and underscores.</summary>
    public static bool IsMembershipId(string? id) =>
        id is { Length: > 0 and <= 100 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The membership's URL on the connector's API host, as Cobot writes it in webhooks.</summary>
    public static string For(Uri apiBaseUrl, string membershipId) => new Uri(apiBaseUrl, $"api/memberships/{Uri.EscapeDataString(membershipId)}").ToString();
}
