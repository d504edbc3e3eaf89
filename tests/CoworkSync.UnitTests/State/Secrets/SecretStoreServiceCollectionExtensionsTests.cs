using Azure.Core;
using Azure.Security.KeyVault.Secrets;
using CoworkSync.State.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moq;

namespace CoworkSync.UnitTests.State.Secrets;

public sealed class SecretStoreServiceCollectionExtensionsTests
{
    [Fact]
    public void AddSecretStore_VaultUriSet_ResolvesKeyVaultStoreWithClientForThatVault()
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(Mock.Of<TokenCredential>());

        using var provider = services.AddSecretStore(Configuration(("KeyVault:VaultUri", "https://coworksync-kv.vault.azure.net/"))).BuildServiceProvider();

        Assert.IsType<KeyVaultSecretStore>(provider.GetRequiredService<ISecretStore>());
        Assert.Equal(new Uri("https://coworksync-kv.vault.azure.net/"), provider.GetRequiredService<SecretClient>().VaultUri);
    }

    [Fact]
    public void AddSecretStore_VaultUriSetButNoCredentialRegistered_ThrowsOnResolve()
    {
        var services = new ServiceCollection().AddLogging();

        using var provider = services.AddSecretStore(Configuration(("KeyVault:VaultUri", "https://coworksync-kv.vault.azure.net/"))).BuildServiceProvider();

        Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ISecretStore>());
    }

    [Fact]
    public void AddSecretStore_VaultUriNotAbsolute_ThrowsNamingTheSetting()
    {
        var exception = Assert.Throws<InvalidOperationException>(
            () => new ServiceCollection().AddSecretStore(Configuration(("KeyVault:VaultUri", "coworksync-kv"))));

        Assert.Contains("KeyVault:VaultUri", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSecretStore_NoVaultUri_ResolvesLocalStoreUnderLocalDataPath()
    {
        var localData = Path.Combine(Path.GetTempPath(), "coworksync-local-data");

        using var provider = new ServiceCollection().AddLogging()
            .AddSecretStore(Configuration(("LocalData:Path", localData))).BuildServiceProvider();

        Assert.IsType<LocalSecretStore>(provider.GetRequiredService<ISecretStore>());
        Assert.Equal(Path.Combine(localData, "secrets"), provider.GetRequiredService<IOptions<LocalSecretStoreOptions>>().Value.DirectoryPath);
    }

    [Fact]
    public void AddSecretStore_NoSettings_UsesDotDataSecrets()
    {
        using var provider = new ServiceCollection().AddLogging().AddSecretStore(Configuration()).BuildServiceProvider();

        Assert.Equal(Path.Combine(".data", "secrets"), provider.GetRequiredService<IOptions<LocalSecretStoreOptions>>().Value.DirectoryPath);
    }

    [Fact]
    public void AddSecretStore_ResolvedTwice_ReturnsTheSameInstance()
    {
        using var provider = new ServiceCollection().AddLogging().AddSecretStore(Configuration()).BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<ISecretStore>(), provider.GetRequiredService<ISecretStore>());
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(setting => new KeyValuePair<string, string?>(setting.Key, setting.Value)))
            .Build();
}
