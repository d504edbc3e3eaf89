using System.Security.Claims;

namespace CoworkSync.Functions.Console.Authentication;

/// <summary>The person signed in to the console, as the header shows them: a name and the console role they hold.</summary>
public sealed record ConsoleUser(string Name, string? Role)
{
    /// <summary>Null when nobody is signed in.</summary>
    public static ConsoleUser? From(ClaimsPrincipal principal)
    {
        if (principal.Identity is not { IsAuthenticated: true } identity)
            return null;
        var role = principal.IsInRole(ConsoleRoles.Operator) ? ConsoleRoles.Operator
            : principal.IsInRole(ConsoleRoles.Support) ? ConsoleRoles.Support
            : null;
        return new ConsoleUser(string.IsNullOrWhiteSpace(identity.Name) ? "Signed-in user" : identity.Name, role);
    }
}
