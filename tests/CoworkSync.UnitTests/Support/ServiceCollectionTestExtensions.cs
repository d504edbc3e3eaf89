using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.UnitTests.Support;

public static class ServiceCollectionTestExtensions
{
    public static IServiceCollection RemoveAll<T>(this IServiceCollection services)
    {
        foreach (var descriptor in services.Where(d => d.ServiceType == typeof(T)).ToList())
            services.Remove(descriptor);
        return services;
    }

    public static IServiceCollection Replace<T>(this IServiceCollection services, T instance) where T : class
    {
        services.RemoveAll<T>();
        services.AddSingleton(instance);
        return services;
    }
}
