using System.Security.Cryptography;

namespace CoworkSync.Members.Accounts;

/// <summary>
/// Encrypts WiFi passwords for storage. They must stay recoverable (PAP and MSCHAPv2 need the clear password), so
/// they are encrypted, not hashed. A protected value is bound to its account: it only opens with the same username.
/// </summary>
public interface IPasswordProtector
{
    /// <returns>A self-describing text safe to store, e.g. <c>v1:1a2b3c4d:…</c>.</returns>
    Task<string> ProtectAsync(string password, string username, CancellationToken cancellationToken);

    /// <exception cref="CryptographicException">
    /// The value was altered, belongs to another username, or was made with a key that is no longer stored.
    /// </exception>
    Task<string> UnprotectAsync(string protectedValue, string username, CancellationToken cancellationToken);
}
