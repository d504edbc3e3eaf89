using CoworkSync.Administration.DeadLetters;
using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;

namespace CoworkSync.Functions.Admin.DeadLetters.GetDeadLetter;

/// <summary><c>GET /api/admin/dead-letters/{id}</c>: one dead letter in full, with its envelope and history.</summary>
public static class GetDeadLetterFunction
{
    public const string FunctionName = "GetDeadLetter";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/admin/dead-letters/{id}", GetAsync).AsFunction(FunctionName, FunctionAuthLevel.Function)
            .WithTags("Dead letters").WithSummary("One dead letter: the event, the raw message and its history").Produces<DeadLetterDetail>().ProducesProblem(404);

    private static async Task<IResult> GetAsync(string id, DeadLetterAdministration deadLetters, CancellationToken cancellationToken) =>
        AdminAnswers.From(await deadLetters.GetAsync(RouteId.Decode(id), cancellationToken), Results.Ok);
}
