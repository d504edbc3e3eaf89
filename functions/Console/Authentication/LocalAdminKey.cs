using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using CoworkSync.Functions.Hosting.Http;
using Microsoft.Extensions.Options;

namespace CoworkSync.Functions.Console.Authentication;

/// <summary>
/// Local mode's console sign-in: whoever holds the admin key (the function key, <c>.data/function-key</c> or
/// <c>LocalMode__FunctionKey</c>) may sign in, as Operator or, to try the role, as Support.
/// </summary>
public sealed class LocalAdminKey(IOptions<FunctionKeyOptions> options)
{
    public const string AuthenticationType = "LocalAdminKey";
    public const string HolderName = "Local administrator";

    private readonly byte[] _expectedHash = SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.Key ?? ""));
    private readonly bool _configured = !string.IsNullOrEmpty(options.Value.Key);

    /// <summary>
    /// Compares hashes in constant time, so neither the key's content nor its length shows in how long a refusal takes.
    /// </summary>
    public bool Matches(string? presented) =>
        _configured && !string.IsNullOrEmpty(presented)
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _expectedHash);

    public static ClaimsPrincipal Principal(string role) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, HolderName), new Claim(ClaimTypes.Role, role)],
        AuthenticationType, ClaimTypes.Name, ClaimTypes.Role));
}
