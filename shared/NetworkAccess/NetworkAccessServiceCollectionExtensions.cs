using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.NetworkAccess;

public static class NetworkAccessServiceCollectionExtensions
{
    /// <summary>Registers network access at RADIUS time: authorize, accounting and the usage they record.</summary>
    public static IServiceCollection AddNetworkAccess(this IServiceCollection services)
    {
        services.AddOptions<RadiusOptions>().BindConfiguration(RadiusOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<UsageStore>();
        services.AddSingleton<RadiusAuthorizer>();
        services.AddSingleton<RadiusAccountant>();
        services.AddSingleton<UsageReport>();
        services.AddSingleton<UsageDetails>();
        return services;
    }
}
