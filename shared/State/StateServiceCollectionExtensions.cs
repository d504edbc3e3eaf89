using CoworkSync.State.Health;
using CoworkSync.State.Secrets;
using CoworkSync.State.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.State;

public static class StateServiceCollectionExtensions
{
    /// <summary>
    /// Registers the state every area keeps: the tables (over the <c>TableServiceClient</c> the host registers), the
    /// secret store (Key Vault, or the local encrypted file) and the table store's health probe.
    /// </summary>
    public static IServiceCollection AddStateStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSecretStore(configuration);
        services.AddSingleton<StateTables>();
        services.AddSingleton<IHealthProbe, TableStorageHealthProbe>();
        return services;
    }
}
