// An empty ASP.NET Core app: what any web app costs to start, the reference for CoworkSync's cold start.
var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/api/health", () => Results.Ok(new { status = "healthy" }));
app.Run();
