using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;
using CoworkSync.Members.Accounts;
using CoworkSync.Members.Records;
using CoworkSync.NetworkAccess;
using CoworkSync.Platforms.Cobot;

namespace CoworkSync.Functions.GetMember;

/// <summary><c>GET /api/admin/connectors/{connectorId}/members/{memberId}</c>: one member with their account and why.</summary>
public static class GetMemberFunction
{
    public const string FunctionName = "GetMember";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/admin/connectors/{connectorId}/members/{memberId}", GetAsync).AsFunction(FunctionName, FunctionAuthLevel.Function);

    private static async Task<IResult> GetAsync(
        string connectorId, string memberId, MemberStore members, AccountStore accounts, UsageReport usage, CobotCheckInStore checkIns, CancellationToken cancellationToken)
    {
        memberId = RouteId.Decode(memberId);
        var member = await members.GetAsync(connectorId, memberId, cancellationToken);
        if (member is null)
            return AdminProblems.NotFound($"Connector '{connectorId}' has no member '{memberId}'.");
        var account = member.Username is { } username ? await accounts.GetAsync(username, cancellationToken) : null;
        var checkIn = await checkIns.GetAsync(connectorId, memberId, cancellationToken);
        return Results.Ok(MemberView.From(member, account, account is null ? null : await usage.ForAsync(account, cancellationToken), checkIn));
    }
}
