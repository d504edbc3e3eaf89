using CoworkSync.Functions.Hosting.Http;
using CoworkSync.State.Health;

namespace CoworkSync.Functions.Health;

/// <summary><c>GET /api/health</c>: 200 when the table store and the events queue answer, 503 when either does not.</summary>
public static class HealthFunction
{
    public const string FunctionName = "Health";
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/health", CheckAsync).AsFunction(FunctionName, FunctionAuthLevel.Anonymous);

    private static async Task<IResult> CheckAsync(IEnumerable<IHealthProbe> probes, TimeProvider time, CancellationToken cancellationToken)
    {
        var results = await Task.WhenAll(probes.Select(async probe => (probe.Name, Result: await RunAsync(probe, time, cancellationToken))));
        var healthy = results.All(r => r.Result.Healthy);
        var body = new
        {
            status = healthy ? "healthy" : "unhealthy",
            checks = results.ToDictionary(r => r.Name, r => new { healthy = r.Result.Healthy, detail = r.Result.Detail }),
        };
        return Results.Json(body, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<HealthProbeResult> RunAsync(IHealthProbe probe, TimeProvider time, CancellationToken cancellationToken)
    {
        using var late = new CancellationTokenSource(ProbeTimeout, time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, late.Token);
        try
        {
            return await probe.CheckAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthProbeResult.Down($"no answer within {ProbeTimeout.TotalSeconds:0} s");
        }
    }
}
