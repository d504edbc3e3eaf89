using System.Security.Cryptography;
using System.Text;

namespace CoworkSync.Platforms.Cobot;

/// <summary>What the rate limiter and the logs need to know about a request to Cobot.</summary>
public static class CobotRequests
{
    /// <summary><c>GET /api/memberships</c> itself (the list), which Cobot limits to 6 a minute; one membership is not.</summary>
    public static bool IsMembershipList(HttpRequestMessage request) =>
        request.Method == HttpMethod.Get && request.RequestUri?.AbsolutePath.TrimEnd('/') == "/api/memberships";

    /// <summary>The path for a log line: <c>/api/access_tokens/{token}/…</c> carries a token, which is never logged.</summary>
    public static string LoggedPath(HttpRequestMessage request)
    {
        var path = request.RequestUri?.AbsolutePath ?? "";
        const string tokens = "/api/access_tokens/";
        if (!path.StartsWith(tokens, StringComparison.Ordinal))
            return path;
        var rest = path[tokens.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return tokens + "***" + (slash < 0 ? "" : rest[slash..]);
    }

    /// <summary>Whose limits the request counts against: a hash of its bearer token, so the token itself is not kept.</summary>
    public static string TokenKey(HttpRequestMessage request)
    {
        var token = request.Headers.Authorization?.Parameter ?? "";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)), 0, 12);
    }
}
