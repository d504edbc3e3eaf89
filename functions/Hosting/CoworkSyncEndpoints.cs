using CoworkSync.Functions.DiscardDeadLetter;
using CoworkSync.Functions.GetDeadLetter;
using CoworkSync.Functions.Health;
using CoworkSync.Functions.Hosting.Http;
using CoworkSync.Functions.Hosting.Invocation;
using CoworkSync.Functions.ListDeadLetters;
using CoworkSync.Functions.ReplayDeadLetter;

namespace CoworkSync.Functions.Hosting;

public static class CoworkSyncEndpoints
{
    public static WebApplication MapCoworkSync(this WebApplication app)
    {
        var underFunctionsHost = HostingMode.IsCustomHandler(app.Configuration);
        if (!underFunctionsHost)
            app.UseMiddleware<FunctionKeyMiddleware>();

        // The host's readiness probe; also a quick "is it up" for people.
        app.MapGet("/", () => Results.Text("CoworkSync")).ExcludeFromDescription();

        HealthFunction.Map(app);
        ListDeadLettersFunction.Map(app);
        GetDeadLetterFunction.Map(app);
        ReplayDeadLetterFunction.Map(app);
        DiscardDeadLetterFunction.Map(app);

        // Only the Functions host posts invocations; in local mode the pump and timers call the invoker in-process.
        if (underFunctionsHost)
            app.MapFunctionInvocations();
        return app;
    }
}
