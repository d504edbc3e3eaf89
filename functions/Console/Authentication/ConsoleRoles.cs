namespace CoworkSync.Functions.Console.Authentication;

/// <summary>
/// The console's two roles. In Azure they are the app roles of the console's Entra ID app registration (the values in
/// the token's <c>roles</c> claim); locally the sign-in page grants one.
/// </summary>
public static class ConsoleRoles
{
    /// <summary>Everything the console offers.</summary>
    public const string Operator = "Operator";

    /// <summary>Reads everything; replays and discards dead letters; creates or links accounts; resends welcome emails.</summary>
    public const string Support = "Support";

    public static IReadOnlyList<string> All { get; } = [Operator, Support];

    /// <summary>The role an app role value names (whatever its case), or null when it names no console role.</summary>
    public static string? Named(string value) =>
        All.FirstOrDefault(role => string.Equals(role, value.Trim(), StringComparison.OrdinalIgnoreCase));
}
