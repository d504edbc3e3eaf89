using CoworkSync.Functions.Portal.Authentication;
using CoworkSync.Functions.Web.Components;
using CoworkSync.MemberPortal.Profiles;
using CoworkSync.Outcomes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoworkSync.Functions.Portal.Accounts;

/// <summary>
/// <c>GET /portal/accounts/{connectorId}/{memberId}/wifi.mobileconfig</c>: the Apple configuration profile of one of the
/// signed-in member's own accounts, as a download; 404 for ids the session did not prove.
/// </summary>
public static class WifiProfileDownload
{
    public const string FileSegment = "wifi.mobileconfig";

    public static string Path(string connectorId, string memberId) => $"{AccountPaths.Account(connectorId, memberId)}/{FileSegment}";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/portal/accounts/{connectorId}/{memberId}/" + FileSegment, DownloadAsync)
            .RequireAuthorization(PortalPolicies.Member)
            .ExcludeFromDescription();

    private static async Task<IResult> DownloadAsync(string connectorId, string memberId, HttpContext context, PortalProfiles profiles, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var outcome = await profiles.AppleAsync(PortalMember.Proven(context.User), connectorId, memberId, cancellationToken);
        if (outcome.Succeeded)
            return Results.File(outcome.Value!.Content, outcome.Value.ContentType, outcome.Value.FileName);
        if (outcome.Status == OutcomeStatus.NotFound)
            loggers.CreateLogger(typeof(WifiProfileDownload)).NotYours("profile download", connectorId, memberId);
        return new RazorComponentResult<ProblemDocument>(new
        {
            Face = PortalFunctions.Face,
            Title = outcome.Status == OutcomeStatus.NotFound ? "Page not found" : "No profile for this account",
            Message = outcome.Detail ?? "",
        })
        { StatusCode = outcome.Status == OutcomeStatus.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict };
    }
}
