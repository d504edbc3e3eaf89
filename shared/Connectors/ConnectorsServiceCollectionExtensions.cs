using CoworkSync.Connectors.Seam;
using CoworkSync.Connectors.Updates;
using CoworkSync.State.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.Connectors;

public static class ConnectorsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the generic connector: its store and cache, its secrets, the webhooks accepted, the registry of
    /// platforms (each platform adds itself with its own <c>AddX()</c>) and the connector update rules.
    /// </summary>
    public static IServiceCollection AddConnectors(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName);
        services.AddSingleton<ConnectorStore>();
        services.AddSingleton<ConnectorCache>();
        services.AddSingleton<ConnectorSecrets>();
        services.AddSingleton<AcceptedWebhooks>();
        services.AddSingleton<PlatformRegistry>();
        services.AddSingleton<ConnectorUpdates>();
        services.AddSingleton<ConnectorSecretUpdates>();
        services.AddSingleton<PlanMappingUpdates>();
        return services;
    }
}
