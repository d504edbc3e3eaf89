using Microsoft.AspNetCore.Authorization;

namespace CoworkSync.Functions.Portal.Authentication;

/// <summary>What the portal's pages require: <c>@attribute [Authorize(Policy = PortalPolicies.Member)]</c>.</summary>
public static class PortalPolicies
{
    /// <summary>A member signed in to the portal. Which accounts are theirs is each page's check.</summary>
    public const string Member = "Portal.Member";

    public static AuthorizationBuilder AddPortalPolicies(this AuthorizationBuilder authorization) => authorization
        .AddPolicy(Member, policy => policy.AddAuthenticationSchemes(PortalAuthentication.Scheme).RequireAuthenticatedUser());
}
