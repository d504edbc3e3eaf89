using CoworkSync.Functions.Portal.Authentication;
using CoworkSync.Functions.Web.Components;
using CoworkSync.MemberPortal.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoworkSync.Functions.Portal.Accounts;

/// <summary>
/// Before any portal page or endpoint that names an account (<c>/portal/accounts/{connectorId}/{memberId}…</c>, read or
/// form): when the signed-in session did not prove that member, the answer is the portal's 404 page and nothing runs.
/// The services check again (<see cref="OwnAccounts"/>); this gate makes the refusal a whole page with its status
/// (a page component that set 404 itself would be sent without a body).
/// </summary>
public sealed class PortalAccountGate(RequestDelegate next, ILogger<PortalAccountGate> logger)
{
    public const string ConnectorRouteValue = "connectorId";
    public const string MemberRouteValue = "memberId";

    public Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/portal/accounts")
            || !context.Request.RouteValues.TryGetValue(ConnectorRouteValue, out var connector)
            || !context.Request.RouteValues.TryGetValue(MemberRouteValue, out var member)
            || OwnAccounts.Proves(PortalMember.Proven(context.User), connector as string, member as string))
            return next(context);

        logger.NotYours(context.Request.Method, connector as string, member as string);
        return new RazorComponentResult<ProblemDocument>(new
        {
            Face = PortalFunctions.Face,
            Title = "Page not found",
            Message = OwnAccounts.NotYours,
        })
        { StatusCode = StatusCodes.Status404NotFound }.ExecuteAsync(context);
    }
}
