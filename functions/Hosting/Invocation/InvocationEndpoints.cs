using System.Text.Json;

namespace CoworkSync.Functions.Hosting.Invocation;

public static class InvocationEndpoints
{
    private static readonly JsonSerializerOptions ReadOptions = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Maps <c>POST /{FunctionName}</c>, the route the Functions host posts non-HTTP invocations to.</summary>
    public static void MapFunctionInvocations(this IEndpointRouteBuilder app)
    {
        app.MapPost("/{functionName}", async (string functionName, HttpRequest http, FunctionInvoker invoker, CancellationToken cancellationToken) =>
        {
            if (!invoker.Exists(functionName))
                return Results.NotFound();

            InvocationRequest? request;
            try
            {
                request = await JsonSerializer.DeserializeAsync<InvocationRequest>(http.Body, ReadOptions, cancellationToken);
            }
            catch (JsonException)
            {
                return Results.Json(InvocationResult.Failure("The invocation payload is not JSON.").Response, statusCode: StatusCodes.Status400BadRequest);
            }

            var result = await invoker.InvokeAsync(functionName, request ?? new InvocationRequest(), cancellationToken);
            return Results.Json(result.Response, statusCode: result.Succeeded ? StatusCodes.Status200OK : StatusCodes.Status500InternalServerError);
        }).ExcludeFromDescription();
    }
}
