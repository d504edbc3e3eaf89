using Microsoft.AspNetCore.Authorization;

namespace CoworkSync.Functions.Console.Authentication;

/// <summary>
/// What the console's pages and their form handlers require. Every console page requires <see cref="Support"/> (see
/// Console/_Imports.razor); a page or handler that changes connectors, secrets, plan mappings or access groups requires
/// <see cref="Operator"/>, e.g. <c>@attribute [Authorize(Policy = ConsolePolicies.Operator)]</c>.
/// </summary>
public static class ConsolePolicies
{
    /// <summary>Operator or Support: read everything, replay and discard dead letters, create or link accounts, resend welcome emails.</summary>
    public const string Support = "Console.Support";

    /// <summary>Operator only: connectors, secrets, plan mappings and access groups.</summary>
    public const string Operator = "Console.Operator";

    public static AuthorizationBuilder AddConsolePolicies(this AuthorizationBuilder authorization) => authorization
        .AddPolicy(Support, policy => policy
            .AddAuthenticationSchemes(ConsoleAuthentication.Scheme)
            .RequireAuthenticatedUser()
            .RequireRole(ConsoleRoles.Operator, ConsoleRoles.Support))
        .AddPolicy(Operator, policy => policy
            .AddAuthenticationSchemes(ConsoleAuthentication.Scheme)
            .RequireAuthenticatedUser()
            .RequireRole(ConsoleRoles.Operator));
}
