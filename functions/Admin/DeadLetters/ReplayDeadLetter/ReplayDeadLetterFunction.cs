using CoworkSync.Administration.DeadLetters;
using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;

namespace CoworkSync.Functions.Admin.DeadLetters.ReplayDeadLetter;

/// <summary>
/// <c>POST /api/admin/dead-letters/{id}/replay</c>: re-publishes the event under a new message id (the event id stays,
/// so it is applied at most once however often it is replayed) and records who replayed it and when.
/// </summary>
public static class ReplayDeadLetterFunction
{
    public const string FunctionName = "ReplayDeadLetter";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/admin/dead-letters/{id}/replay", ReplayAsync).AsFunction(FunctionName, FunctionAuthLevel.Function)
            .WithTags("Dead letters").WithSummary("Replays a dead letter (the event id stays: applied at most once)").Accepts<AdminActorBody>("application/json").Produces<DeadLetterSummary>(202).ProducesProblem(404).ProducesProblem(409);

    private static async Task<IResult> ReplayAsync(string id, HttpRequest request, DeadLetterAdministration deadLetters, CancellationToken cancellationToken)
    {
        id = RouteId.Decode(id);
        var actor = await AdminActor.ReadAsync(request, cancellationToken);
        if (actor.Problem is { } problem)
            return problem;
        return AdminAnswers.From(await deadLetters.ReplayAsync(id, actor.Actor, actor.Comment, cancellationToken), summary => Results.Accepted(value: summary));
    }
}
