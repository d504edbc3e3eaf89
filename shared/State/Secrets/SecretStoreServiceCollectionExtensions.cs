using Azure.Core;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoworkSync.State.Secrets;

public static class SecretStoreServiceCollectionExtensions
{
    public const string VaultUriSetting = "KeyVault:VaultUri";
    public const string LocalDataPathSetting = "LocalData:Path";

    /// <summary>
    /// Registers the <see cref="ISecretStore"/>: Key Vault when <c>KeyVault:VaultUri</c> is set (authenticated with
    /// the <see cref="TokenCredential"/> registered elsewhere), otherwise the encrypted file store under
    /// <c>{LocalData:Path}/secrets</c> (default <c>.data/secrets</c>).
    /// </summary>
    public static IServiceCollection AddSecretStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var vaultUri = configuration[VaultUriSetting];
        if (!string.IsNullOrWhiteSpace(vaultUri))
        {
            if (!Uri.TryCreate(vaultUri, UriKind.Absolute, out var uri))
                throw new InvalidOperationException($"Setting {VaultUriSetting} is not an absolute URI: '{vaultUri}'.");
            services.TryAddSingleton(provider => new SecretClient(uri, provider.GetRequiredService<TokenCredential>()));
            services.TryAddSingleton<ISecretStore, KeyVaultSecretStore>();
            return services;
        }

        var directoryPath = Path.Combine(configuration[LocalDataPathSetting] ?? ".data", "secrets");
        services.AddOptions<LocalSecretStoreOptions>().Configure(options => options.DirectoryPath = directoryPath);
        services.TryAddSingleton<ISecretStore, LocalSecretStore>();
        return services;
    }
}
