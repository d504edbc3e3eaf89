using CoworkSync.Connectors;
using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;
using CoworkSync.Members.Accounts;
using CoworkSync.Members.Records;
using CoworkSync.NetworkAccess;

namespace CoworkSync.Functions.ListMembers;

/// <summary><c>GET /api/admin/connectors/{connectorId}/members</c>: every member of the connector with their account.</summary>
public static class ListMembersFunction
{
    public const string FunctionName = "ListMembers";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/admin/connectors/{connectorId}/members", ListAsync).AsFunction(FunctionName, FunctionAuthLevel.Function);

    private static async Task<IResult> ListAsync(string connectorId, ConnectorStore connectors, MemberStore members, AccountStore accounts, UsageReport usage, CancellationToken cancellationToken)
    {
        if (await connectors.GetAsync(connectorId, cancellationToken) is null)
            return AdminProblems.NotFound($"There is no connector '{connectorId}'.");
        var items = new List<object>();
        await foreach (var member in members.ListAsync(connectorId, cancellationToken))
        {
            var account = member.Username is { } username ? await accounts.GetAsync(username, cancellationToken) : null;
            items.Add(MemberView.From(member, account, account is null ? null : await usage.ForAsync(account, cancellationToken)));
        }
        return Results.Ok(new { items });
    }
}
