using CoworkSync.State.CrashPoints;
using CoworkSync.State.Health;
using CoworkSync.State.Secrets;
using CoworkSync.State.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoworkSync.State;

public static class StateServiceCollectionExtensions
{
    /// <summary>
    /// Registers the state every area keeps: the tables (over the <c>TableServiceClient</c> the host registers), the
    /// secret store (Key Vault, or the local encrypted file), the table store's health probe, and the crash points, which
    /// are inert unless local mode's composition root replaces them for a test.
    /// </summary>
    public static IServiceCollection AddStateStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSecretStore(configuration);
        services.AddSingleton<StateTables>();
        services.AddSingleton<IHealthProbe, TableStorageHealthProbe>();
        services.TryAddSingleton<ICrashPoints, NoCrashPoints>();
        return services;
    }
}
