using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CoworkSync.Functions.Web;
using Microsoft.AspNetCore.DataProtection;

namespace CoworkSync.Functions.Portal.SignIn;

/// <summary>
/// The browser's half of a "sign in with {platform}" attempt: the <c>state</c> sent to the platform and the PKCE
/// verifier, in a cookie only this app can read (Data Protection), limited to <c>/portal/sign-in</c>, HttpOnly,
/// SameSite=Lax (the platform's redirect back is a top-level navigation), valid 10 minutes and used once. The callback
/// accepts only the <c>state</c> this browser was given, so nobody can sign someone else in with their own code.
/// </summary>
public sealed class PlatformSignInCookie(IDataProtectionProvider protection, TimeProvider time)
{
    public const string CookieName = "coworksync.portal.signin";
    public const string CookiePath = "/portal/sign-in";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly IDataProtector _protector = protection.CreateProtector("CoworkSync.Portal.PlatformSignIn");

    /// <summary>Starts an attempt: a fresh state and verifier, the cookie holding them; returns the state and the S256 challenge.</summary>
    public (string State, string CodeChallenge) Start(HttpContext context, string platform, bool underFunctionsHost)
    {
        var attempt = new Attempt(platform, Random(), Random(), time.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds());
        var value = _protector.Protect(JsonSerializer.Serialize(attempt));
        context.Response.Cookies.Append(CookieName, value, Options(context, underFunctionsHost, Lifetime));
        return (attempt.State, Challenge(attempt.Verifier));
    }

    /// <summary>Ends the attempt (the cookie is removed whatever happens) and returns its verifier, or why it is refused.</summary>
    public (string? Verifier, string? Problem) Finish(HttpContext context, string platform, string? state, bool underFunctionsHost)
    {
        var raw = context.Request.Cookies[CookieName];
        context.Response.Cookies.Delete(CookieName, Options(context, underFunctionsHost, TimeSpan.Zero));
        if (string.IsNullOrEmpty(raw))
            return (null, "this browser did not start a sign-in (or it was more than 10 minutes ago)");
        Attempt? attempt;
        try
        {
            attempt = JsonSerializer.Deserialize<Attempt>(_protector.Unprotect(raw));
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException)
        {
            return (null, "the sign-in cookie could not be read");
        }
        if (attempt is null || attempt.Platform != platform)
            return (null, "the sign-in was started for another platform");
        if (DateTimeOffset.FromUnixTimeSeconds(attempt.Expires) < time.GetUtcNow())
            return (null, "the sign-in took more than 10 minutes");
        if (state is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(state), Encoding.ASCII.GetBytes(attempt.State)))
            return (null, "the answer does not belong to the sign-in this browser started");
        return (attempt.Verifier, null);
    }

    /// <summary>RFC 7636's S256: base64url(SHA-256(ASCII(verifier))).</summary>
    public static string Challenge(string verifier) => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private static string Random() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static CookieOptions Options(HttpContext context, bool underFunctionsHost, TimeSpan maxAge) => new()
    {
        Path = CookiePath,
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = FaceCookies.SecurePolicy(underFunctionsHost) == Microsoft.AspNetCore.Http.CookieSecurePolicy.Always || context.Request.IsHttps,
        MaxAge = maxAge,
        IsEssential = true,
    };

    private sealed record Attempt(string Platform, string State, string Verifier, long Expires);
}
