using CoworkSync.Functions.Hosting.Invocation;
using CoworkSync.Functions.Platforms.Cobot.CobotOAuthCallback;
using CoworkSync.Functions.Platforms.Cobot.ConnectCobot;
using CoworkSync.Functions.Platforms.Cobot.PollCobot;

namespace CoworkSync.Functions.Platforms.Cobot;

public static class CobotFunctions
{
    /// <summary>Registers Cobot's own functions: the <c>PollCobot</c> timer.</summary>
    public static IServiceCollection AddCobotFunctions(this IServiceCollection services)
    {
        services.AddSingleton<IInvocationFunction, PollCobotFunction>();
        return services;
    }

    /// <summary>Maps Cobot's own HTTP functions: the connect link and the OAuth callback.</summary>
    public static IEndpointRouteBuilder MapCobotFunctions(this IEndpointRouteBuilder app)
    {
        ConnectCobotFunction.Map(app);
        CobotOAuthCallbackFunction.Map(app);
        return app;
    }
}
