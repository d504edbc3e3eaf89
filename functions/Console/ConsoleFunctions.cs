using CoworkSync.Functions.Console.Authentication;
using CoworkSync.Functions.Console.Connectors;
using CoworkSync.Functions.Console.Layout;
using CoworkSync.Functions.Console.Overview;
using CoworkSync.Functions.Web;
using CoworkSync.Functions.Web.Components;

namespace CoworkSync.Functions.Console;

/// <summary>The console's registration: its face, session scheme, role policies, services and endpoints.</summary>
public static class ConsoleFunctions
{
    public static Face Face { get; } = new("console", "CoworkSync console", WebPaths.Console, typeof(ConsoleLayout));

    public static WebApplicationBuilder AddConsole(this WebApplicationBuilder builder, bool underFunctionsHost)
    {
        var services = builder.Services;
        services.AddFace(Face);
        services.AddAuthentication().AddConsoleScheme(builder.Configuration, underFunctionsHost);
        services.AddAuthorizationBuilder().AddConsolePolicies();
        services.AddSingleton(ConsoleSignInMode.For(builder.Configuration, underFunctionsHost));
        services.AddSingleton<LocalAdminKey>();
        services.AddSingleton<ConnectorStatuses>();
        services.AddSingleton<ConnectorDetailsReader>();
        services.AddSingleton<ConsoleOverview>();
        return builder;
    }

    public static void MapConsole(this WebApplication app, bool underFunctionsHost)
    {
        ConsoleFunction.Map(app);
        if (!underFunctionsHost)
            ConsoleSignOut.Map(app);
    }
}
