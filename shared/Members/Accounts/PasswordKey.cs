using System.Security.Cryptography;

namespace CoworkSync.Members.Accounts;

/// <summary>A 256-bit key that encrypts WiFi passwords, and its id: the first 8 hex digits of its SHA-256.</summary>
internal sealed class PasswordKey
{
    public const int Size = 32;
    public const int IdLength = 8;

    private PasswordKey(byte[] bytes)
    {
        Bytes = bytes;
        Id = Convert.ToHexStringLower(SHA256.HashData(bytes))[..IdLength];
    }

    public string Id { get; }

    public byte[] Bytes { get; }

    public static PasswordKey Create() => new(RandomNumberGenerator.GetBytes(Size));

    /// <summary>Reads a key stored as base64; <paramref name="secretName"/> only names it in the error.</summary>
    /// <exception cref="InvalidOperationException">The value is not the base64 of 32 bytes.</exception>
    public static PasswordKey Parse(string base64, string secretName)
    {
        var bytes = new byte[Size];
        if (!Convert.TryFromBase64String(base64.Trim(), bytes, out var written) || written != Size)
            throw new InvalidOperationException($"Secret {secretName} is not a WiFi password key: it must be the base64 of {Size} random bytes.");
        return new PasswordKey(bytes);
    }

    /// <summary>True for text shaped like a key id (8 lowercase hex digits), so it can name a secret.</summary>
    public static bool IsValidId(string id) => id.Length == IdLength && id.All(char.IsAsciiHexDigitLower);

    public string ToBase64() => Convert.ToBase64String(Bytes);
}
