using CoworkSync.Connectors.Seam;
using CoworkSync.Messaging.Processing;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.IntegrationTests.Platforms.Acme;

public static class AcmeServiceCollectionExtensions
{
    /// <summary>Registers Acme as a platform, with the directory a test plays Acme's side with.</summary>
    public static IServiceCollection AddAcme(this IServiceCollection services, AcmeDirectory directory)
    {
        services.AddSingleton(directory);
        services.AddSingleton<AcmeSettingsSection>();
        services.AddSingleton<AcmeSecrets>();
        services.AddSingleton<AcmeWebhookReceiver>();
        services.AddSingleton<AcmeMembers>();
        services.AddSingleton<AcmeChecks>();
        services.AddSingleton<AcmeViews>();
        services.AddSingleton<IPlatform, AcmePlatform>();
        services.AddSingleton<IEventHandler, AcmeMemberEventHandler>();
        return services;
    }
}
