using System.Buffers;
using System.Runtime.CompilerServices;

namespace CoworkSync.State.Secrets;

/// <summary>
/// The rule for secret names: 1 to 127 lowercase letters, digits and dashes. Key Vault accepts these (it also
/// accepts uppercase, but compares names case-insensitively), and so does the local file store.
/// </summary>
public static class SecretNames
{
    public const int MaxLength = 127;

    private static readonly SearchValues<char> Allowed = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    public static bool IsValid(string? name) =>
        name is { Length: > 0 and <= MaxLength } && !name.AsSpan().ContainsAnyExcept(Allowed);

    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> breaks the rule.</exception>
    public static void Validate(string name, [CallerArgumentExpression(nameof(name))] string? paramName = null)
    {
        ArgumentNullException.ThrowIfNull(name, paramName);
        if (!IsValid(name))
        {
            throw new ArgumentException(
                $"Secret name '{name}' is invalid: a secret name is 1 to {MaxLength} characters, each a lowercase letter (a-z), a digit or a dash.",
                paramName);
        }
    }
}
