using CoworkSync.Functions.Admin;
using CoworkSync.Functions.Health;
using CoworkSync.Functions.Hosting.Http;
using CoworkSync.Functions.Hosting.Invocation;
using CoworkSync.Functions.Platforms.Cobot;
using CoworkSync.Functions.Radius;
using CoworkSync.Functions.Webhooks;
using CoworkSync.Functions.Console;
using CoworkSync.Functions.Portal;
using CoworkSync.Functions.Web;

namespace CoworkSync.Functions.Hosting;

/// <summary>Maps every HTTP function, family by family; and, under the Functions host, the invocations of the others.</summary>
public static class CoworkSyncEndpoints
{
    public static WebApplication MapCoworkSync(this WebApplication app)
    {
        var underFunctionsHost = HostingMode.IsCustomHandler(app.Configuration);
        app.UseWebFaceAssets();
        app.UseRouting();
        if (!underFunctionsHost)
            app.UseMiddleware<FunctionKeyMiddleware>();
        app.UseWebFaces();

        // The host's readiness probe; also a quick "is it up" for people.
        app.MapGet("/", () => Results.Text("CoworkSync")).ExcludeFromDescription();

        HealthFunction.Map(app);
        app.MapAdminFunctions();
        app.MapWebhookFunctions();
        app.MapCobotFunctions();
        app.MapRadiusFunctions();

        // The console and the portal: /console/... and /portal/..., each through its catch-all function under the host.
        app.MapConsole(underFunctionsHost);
        app.MapPortal();
        app.MapWebFaces();

        // Only the Functions host posts invocations; in local mode the pump and timers call the invoker in-process.
        if (underFunctionsHost)
            app.MapFunctionInvocations();
        return app;
    }
}
