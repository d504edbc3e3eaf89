using System.Security.Cryptography;

namespace CoworkSync.Members.Accounts;

/// <summary>
/// Random WiFi passwords that a member can read from an email and type on a phone: letters, digits and a few
/// symbols, without characters that look alike (0/O/o, 1/l/I) or that mail clients and keyboards mangle
/// (quotes, backslash, spaces, <c>_</c> and <c>*</c> which some clients render as formatting).
/// </summary>
public static class WifiPasswordGenerator
{
    public const int MinimumLength = 12;
    public const int DefaultLength = 14;

    /// <summary>Every character a password may contain: 24 + 24 upper- and lowercase letters, 8 digits, 6 symbols.</summary>
    public const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ" + "abcdefghijkmnpqrstuvwxyz" + "23456789" + "#%+=?!";

    /// <summary>A password of <paramref name="length"/> characters, each drawn uniformly from <see cref="Alphabet"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is below <see cref="MinimumLength"/>.</exception>
    public static string Generate(int length = DefaultLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, MinimumLength);
        return string.Create(length, 0, static (characters, _) =>
        {
            for (var i = 0; i < characters.Length; i++)
                characters[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        });
    }
}
