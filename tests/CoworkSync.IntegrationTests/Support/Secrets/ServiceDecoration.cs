using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.IntegrationTests.Support.Secrets;

/// <summary>Wraps the service the app registered (its last registration) in a decorator, keeping its lifetime.</summary>
public static class ServiceDecoration
{
    public static void Decorate<TService>(this IServiceCollection services, Func<TService, TService> decorate) where TService : class
    {
        var index = -1;
        for (var i = services.Count - 1; i >= 0 && index < 0; i--)
        {
            if (services[i].ServiceType == typeof(TService) && !services[i].IsKeyedService)
                index = i;
        }
        if (index < 0)
            return;
        var original = services[index];
        services[index] = ServiceDescriptor.Describe(typeof(TService), provider => decorate((TService)Create(provider, original)), original.Lifetime);
    }

    private static object Create(IServiceProvider provider, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(provider)
        ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!);
}
