using System.Security.Claims;
using System.Text;
using System.Text.Json;

namespace CoworkSync.Functions.Console.Authentication;

/// <summary>
/// Reads the principal App Service authentication puts in <c>X-MS-CLIENT-PRINCIPAL</c>: base64 of
/// <c>{"auth_typ":"aad","claims":[{"typ":"…","val":"…"}],"name_typ":"…","role_typ":"…"}</c>. Keeps the person's name,
/// their object id and the console roles among their app roles (the <c>roles</c> claim); nothing else.
/// Whether the header may be believed at all is the caller's question (<see cref="AppServiceAuthenticationHandler"/>).
/// </summary>
public static class AppServiceClientPrincipal
{
    public const string HeaderName = "X-MS-CLIENT-PRINCIPAL";
    public const int MaxHeaderLength = 32 * 1024;

    private const string RolesClaim = "roles";
    private const string ObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";
    private static readonly string[] NameClaims = ["name", "preferred_username", ClaimTypes.Name, ClaimTypes.Email, ClaimTypes.Upn];

    /// <param name="header">The header's value as the platform sent it (base64 JSON).</param>
    /// <param name="principal">The signed-in person, with their roles.</param>
    /// <param name="problem">Why the header could not be read, in words safe to log (never its content).</param>
    public static bool TryRead(string header, out ClaimsPrincipal principal, out string problem)
    {
        principal = new ClaimsPrincipal();
        if (header.Length > MaxHeaderLength)
            return Refuse($"it is longer than {MaxHeaderLength} characters", out problem);
        if (!TryDecode(header.Trim(), out var json))
            return Refuse("it is not base64", out problem);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return Refuse("it is not JSON", out problem);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
                return Refuse("it has no claims array", out problem);

            var all = claims.EnumerateArray()
                .Where(c => c.ValueKind == JsonValueKind.Object)
                .Select(c => (Type: Text(c, "typ"), Value: Text(c, "val")))
                .Where(c => !string.IsNullOrEmpty(c.Type) && !string.IsNullOrEmpty(c.Value))
                .Select(c => (Type: c.Type!, Value: c.Value!))
                .ToList();
            var nameType = Text(root, "name_typ");
            var roleType = Text(root, "role_typ");

            principal = new ClaimsPrincipal(new ClaimsIdentity(
                Claims(all, nameType, roleType),
                Text(root, "auth_typ") is { Length: > 0 } authType ? authType : "aad",
                ClaimTypes.Name,
                ClaimTypes.Role));
            problem = "";
            return true;
        }
    }

    private static IEnumerable<Claim> Claims(List<(string Type, string Value)> all, string? nameType, string? roleType)
    {
        var name = new[] { nameType }.Concat(NameClaims)
            .Where(type => !string.IsNullOrEmpty(type))
            .Select(type => all.FirstOrDefault(c => c.Type == type).Value)
            .FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
        if (name is not null)
            yield return new Claim(ClaimTypes.Name, name);

        var objectId = all.FirstOrDefault(c => c.Type is ObjectIdClaim or "oid").Value;
        if (!string.IsNullOrEmpty(objectId))
            yield return new Claim(ClaimTypes.NameIdentifier, objectId);

        var roles = all
            .Where(c => c.Type == RolesClaim || c.Type == ClaimTypes.Role || (!string.IsNullOrEmpty(roleType) && c.Type == roleType))
            .Select(c => ConsoleRoles.Named(c.Value))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);
        foreach (var role in roles)
            yield return new Claim(ClaimTypes.Role, role);
    }

    private static bool TryDecode(string base64, out string json)
    {
        json = "";
        var padded = base64.Length % 4 == 0 ? base64 : base64.PadRight(base64.Length + 4 - base64.Length % 4, '=');
        var bytes = new byte[padded.Length * 3 / 4];
        if (!Convert.TryFromBase64String(padded, bytes, out var written))
            return false;
        try
        {
            json = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, written);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool Refuse(string reason, out string problem)
    {
        problem = reason;
        return false;
    }
}
