using CoworkSync.Administration.DeadLetters;
using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;

namespace CoworkSync.Functions.Admin.DeadLetters.DiscardDeadLetter;

/// <summary><c>DELETE /api/admin/dead-letters/{id}</c>: sets the dead letter aside; the record and its audit trail are kept.</summary>
public static class DiscardDeadLetterFunction
{
    public const string FunctionName = "DiscardDeadLetter";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapDelete("/api/admin/dead-letters/{id}", DiscardAsync).AsFunction(FunctionName, FunctionAuthLevel.Function)
            .WithTags("Dead letters").WithSummary("Discards a dead letter; the record and its history are kept").Accepts<AdminActorBody>("application/json").Produces<DeadLetterSummary>().ProducesProblem(404);

    private static async Task<IResult> DiscardAsync(string id, HttpRequest request, DeadLetterAdministration deadLetters, CancellationToken cancellationToken)
    {
        id = RouteId.Decode(id);
        var actor = await AdminActor.ReadAsync(request, cancellationToken);
        if (actor.Problem is { } problem)
            return problem;
        return AdminAnswers.From(await deadLetters.DiscardAsync(id, actor.Actor, actor.Comment, cancellationToken), Results.Ok);
    }
}
