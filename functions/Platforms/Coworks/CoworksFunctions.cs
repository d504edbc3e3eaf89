using CoworkSync.Functions.Hosting.Invocation;
using CoworkSync.Functions.Platforms.Coworks.PollCoworks;

namespace CoworkSync.Functions.Platforms.Coworks;

public static class CoworksFunctions
{
    /// <summary>Registers Coworks' own functions: the <c>PollCoworks</c> timer.</summary>
    public static IServiceCollection AddCoworksFunctions(this IServiceCollection services)
    {
        services.AddSingleton<IInvocationFunction, PollCoworksFunction>();
        return services;
    }
}
