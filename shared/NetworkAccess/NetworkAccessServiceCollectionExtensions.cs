using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.NetworkAccess;

public static class NetworkAccessServiceCollectionExtensions
{
    /// <summary>
    /// Registers network access at RADIUS time: authorize (and its explainer), accounting and the usage they record, with
    /// the service that writes interims behind.
    /// </summary>
    public static IServiceCollection AddNetworkAccess(this IServiceCollection services)
    {
        services.AddOptions<RadiusOptions>().BindConfiguration(RadiusOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<UsageStore>();
        services.AddSingleton<NasSessionIndex>();
        services.AddSingleton<UsageLedger>();
        services.AddHostedService<UsageFlusher>();
        services.AddSingleton<AuthorizeFactsReader>();
        services.AddSingleton<AuthorizeExplainer>();
        services.AddSingleton<RadiusAuthorizer>();
        services.AddSingleton<RadiusAccountant>();
        services.AddSingleton<UsageReport>();
        services.AddSingleton<UsageDetails>();
        return services;
    }
}
