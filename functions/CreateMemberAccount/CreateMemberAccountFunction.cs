using System.Text.Json.Serialization;
using CoworkSync.Connectors;
using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;
using CoworkSync.Members.Accounts;
using CoworkSync.Members.Provisioning;
using CoworkSync.Members.Records;
using CoworkSync.Validation;

namespace CoworkSync.Functions.CreateMemberAccount;

/// <summary>
/// <c>POST /api/admin/connectors/{connectorId}/members/{memberId}/account</c>: an operator creates the member's account
/// (<c>{}</c>) or links an existing one (<c>{"username":"…"}</c>), e.g. when auto-provision is off. The access policy
/// still decides whether it is enabled. 201 with the member; 409 when the member has an account or the name is someone else's.
/// </summary>
public static class CreateMemberAccountFunction
{
    public const string FunctionName = "CreateMemberAccount";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/admin/connectors/{connectorId}/members/{memberId}/account", CreateAsync).AsFunction(FunctionName, FunctionAuthLevel.Function);

    private sealed record AccountInput([property: JsonPropertyName("username")] string? Username);

    private static async Task<IResult> CreateAsync(
        string connectorId, string memberId, HttpRequest request, ConnectorStore connectors, MemberStore members, MemberProvisioner provisioner,
        CancellationToken cancellationToken)
    {
        memberId = RouteId.Decode(memberId);
        var (input, problem) = await AdminJson.ReadAsync<AccountInput>(request, cancellationToken);
        if (problem is not null)
            return problem;
        if (input!.Username is { } name && (string.IsNullOrWhiteSpace(name) || name.Length > 200 || name.Any(char.IsControl)))
            return AdminProblems.Invalid([new ValidationError("username", "must be 1-200 printable characters")]);

        var connector = await connectors.GetAsync(connectorId, cancellationToken);
        var member = connector is null ? null : await members.GetAsync(connectorId, memberId, cancellationToken);
        if (connector is null || member is null)
            return AdminProblems.NotFound($"Connector '{connectorId}' has no member '{memberId}'.");
        if (member.Username is { } existing)
            return AdminProblems.Conflict($"Member '{memberId}' already has the account '{existing}'.");

        try
        {
            var result = await provisioner.ProvisionAsync(new ReconcileRequest(connectorId, member.Platform, connector.Settings, connector.PlanMappings,
                OperatorRequested: true, OperatorUsername: input.Username), cancellationToken);
            if (result.Account is null)
                return AdminProblems.Conflict($"Member '{memberId}' gets no account: {result.Member.Reason}.");
            return Results.Created($"/api/admin/connectors/{connectorId}/members/{memberId}", MemberView.From(result.Member, result.Account));
        }
        catch (UsernameTakenException ex)
        {
            return AdminProblems.Conflict(ex.Message);
        }
    }
}
