using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoworkSync.Members.Accounts;

public static class AccountsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IPasswordProtector"/> as a singleton <see cref="AesGcmPasswordProtector"/> (it caches the
    /// key). Needs the <see cref="State.Secrets.ISecretStore"/> registered by <c>AddSecretStore</c>.
    /// </summary>
    public static IServiceCollection AddWifiPasswordProtector(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<AesGcmPasswordProtector>();
        services.TryAddSingleton<IPasswordProtector>(provider => provider.GetRequiredService<AesGcmPasswordProtector>());
        return services;
    }
}
