using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;
using CoworkSync.Members.Accounts;
using CoworkSync.Members.Provisioning;
using CoworkSync.Members.Records;

namespace CoworkSync.Functions.ResendWelcomeEmail;

/// <summary><c>POST /api/admin/connectors/{connectorId}/members/{memberId}/welcome-email</c>: queues the welcome email again (202).</summary>
public static class ResendWelcomeEmailFunction
{
    public const string FunctionName = "ResendWelcomeEmail";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/admin/connectors/{connectorId}/members/{memberId}/welcome-email", ResendAsync).AsFunction(FunctionName, FunctionAuthLevel.Function);

    private static async Task<IResult> ResendAsync(
        string connectorId, string memberId, MemberStore members, AccountStore accounts, MemberProvisioner provisioner, CancellationToken cancellationToken)
    {
        memberId = RouteId.Decode(memberId);
        var member = await members.GetAsync(connectorId, memberId, cancellationToken);
        if (member is null)
            return AdminProblems.NotFound($"Connector '{connectorId}' has no member '{memberId}'.");
        var account = member.Username is { } username ? await accounts.GetAsync(username, cancellationToken) : null;
        if (account is null)
            return AdminProblems.Conflict($"Member '{memberId}' has no account.");
        if (!account.Enabled)
            return AdminProblems.Conflict($"The account '{account.Username}' is disabled ({account.DisabledReason}); its credentials are not sent.");

        account = await provisioner.QueueWelcomeEmailAsync(connectorId, account, Guid.NewGuid().ToString("N"), cancellationToken);
        return Results.Accepted(value: MemberView.From(member, account));
    }
}
