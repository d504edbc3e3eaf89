using CoworkSync.Functions.Console.Authentication;
using CoworkSync.Functions.Console.Overview;

namespace CoworkSync.Functions.Console;

public static class ConsoleServices
{
    public static IServiceCollection AddConsole(this IServiceCollection services, IConfiguration configuration, bool underFunctionsHost)
    {
        services.AddSingleton(ConsoleSignInMode.For(configuration, underFunctionsHost));
        services.AddSingleton<LocalAdminKey>();
        services.AddSingleton<ConsoleOverview>();
        return services;
    }

    public static void MapConsole(this WebApplication app, bool underFunctionsHost)
    {
        ConsoleFunction.Map(app);
        if (!underFunctionsHost)
            ConsoleSignOut.Map(app);
    }
}
