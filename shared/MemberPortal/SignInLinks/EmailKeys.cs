using System.Security.Cryptography;
using System.Text;

namespace CoworkSync.MemberPortal.SignInLinks;

/// <summary>How an email address or a client address becomes a table key: trimmed, lowercased, hashed (no address is stored as a key).</summary>
public static class EmailKeys
{
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
