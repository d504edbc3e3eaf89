using CoworkSync.Administration.Members;
using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;

namespace CoworkSync.Functions.Admin.Members.ResendWelcomeEmail;

/// <summary><c>POST /api/admin/connectors/{connectorId}/members/{memberId}/welcome-email</c>: queues the welcome email again (202).</summary>
public static class ResendWelcomeEmailFunction
{
    public const string FunctionName = "ResendWelcomeEmail";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/admin/connectors/{connectorId}/members/{memberId}/welcome-email", ResendAsync).AsFunction(FunctionName, FunctionAuthLevel.Function)
            .WithTags("Members").WithSummary("Queues the welcome email again").Produces<MemberView>(202).ProducesProblem(404).ProducesProblem(409);

    private static async Task<IResult> ResendAsync(
        string connectorId, string memberId, HttpRequest request, MemberAdministration members, CancellationToken cancellationToken)
    {
        var actor = AdminActor.FromQuery(request);
        if (actor.Problem is { } refused)
            return refused;
        return AdminAnswers.From(await members.ResendWelcomeEmailAsync(connectorId, RouteId.Decode(memberId), actor.Actor, cancellationToken),
            member => Results.Accepted(value: member));
    }
}
