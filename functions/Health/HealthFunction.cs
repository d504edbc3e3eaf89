using CoworkSync.Functions.Hosting.Http;
using CoworkSync.State.Health;

namespace CoworkSync.Functions.Health;

/// <summary><c>GET /api/health</c>: 200 when the table store and the events queue answer, 503 when either does not.</summary>
public static class HealthFunction
{
    public const string FunctionName = "Health";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/health", CheckAsync).AsFunction(FunctionName, FunctionAuthLevel.Anonymous);

    private static async Task<IResult> CheckAsync(IEnumerable<IHealthProbe> probes, TimeProvider time, CancellationToken cancellationToken)
    {
        var report = await HealthReport.CollectAsync(probes, time, cancellationToken);
        var body = new
        {
            status = report.Healthy ? "healthy" : "unhealthy",
            checks = report.Checks.ToDictionary(c => c.Name, c => new { healthy = c.Result.Healthy, detail = c.Result.Detail }),
        };
        return Results.Json(body, statusCode: report.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
