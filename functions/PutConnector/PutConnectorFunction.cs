using CoworkSync.Connectors;
using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Hosting.Http;
using CoworkSync.State.Tables;
using CoworkSync.Validation;

namespace CoworkSync.Functions.PutConnector;

/// <summary><c>PUT /api/admin/connectors/{connectorId}</c>: creates or replaces a connector's configuration (201 / 200).</summary>
public static class PutConnectorFunction
{
    public const string FunctionName = "PutConnector";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPut("/api/admin/connectors/{connectorId}", PutAsync).AsFunction(FunctionName, FunctionAuthLevel.Function);

    private static async Task<IResult> PutAsync(
        string connectorId, HttpRequest request, ConnectorStore store, ConnectorViews views, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!ConnectorInput.IsValidConnectorId(connectorId))
            return AdminProblems.Invalid([new ValidationError("connectorId", "must be 3-50 lowercase letters, digits or dashes, starting and ending with a letter or digit")]);
        var (input, problem) = await AdminJson.ReadAsync<ConnectorInput>(request, cancellationToken);
        if (problem is not null)
            return problem;
        var errors = input!.Validate();
        if (errors.Count > 0)
            return AdminProblems.Invalid(errors);

        var (saved, created) = await OptimisticConcurrency.RunAsync(async ct =>
        {
            var existing = await store.GetAsync(connectorId, ct);
            if (existing is not null && existing.Platform != input.Platform)
                return (existing, (bool?)null);
            return (await store.SaveAsync(input.ToConnector(connectorId, existing, time.GetUtcNow()), ct), existing is null);
        }, time, cancellationToken);
        if (created is null)
            return AdminProblems.Invalid([new ValidationError("platform", $"cannot change from \"{saved.Platform}\"; create a new connector instead")]);

        var view = await views.ForAsync(saved, cancellationToken);
        return created.Value ? Results.Created($"/api/admin/connectors/{connectorId}", view) : Results.Ok(view);
    }
}
