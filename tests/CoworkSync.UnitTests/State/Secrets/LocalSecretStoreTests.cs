using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CoworkSync.State.Secrets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CoworkSync.UnitTests.State.Secrets;

public sealed class LocalSecretStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"coworksync-secrets-{Guid.NewGuid():N}");
    private readonly string _directory;

    public LocalSecretStoreTests()
    {
        _directory = Path.Combine(_root, "data", "secrets");
    }

    private string SecretsPath => Path.Combine(_directory, LocalSecretStore.SecretsFileName);
    private string KeyPath => Path.Combine(_directory, LocalSecretStore.KeyFileName);

    public void Dispose()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task GetAsync_AfterSetAsync_ReturnsValue()
    {
        var store = CreateStore();

        await store.SetAsync("wifi-password-key", "pässwörd ✓ with \"quotes\"", CancellationToken.None);

        Assert.Equal("pässwörd ✓ with \"quotes\"", await store.GetAsync("wifi-password-key", CancellationToken.None));
    }

    [Fact]
    public async Task SetAsync_ExistingName_ReplacesValue()
    {
        var store = CreateStore();
        await store.SetAsync("cobot-api-key", "first", CancellationToken.None);

        await store.SetAsync("cobot-api-key", "second", CancellationToken.None);

        Assert.Equal("second", await store.GetAsync("cobot-api-key", CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_NothingStoredYet_ReturnsNullWithoutCreatingFiles()
    {
        var store = CreateStore();

        Assert.Null(await store.GetAsync("cobot-api-key", CancellationToken.None));
        Assert.False(Directory.Exists(_directory));
    }

    [Fact]
    public async Task GetAsync_NameNeverSet_ReturnsNull()
    {
        var store = CreateStore();
        await store.SetAsync("cobot-api-key", "s3cr3t", CancellationToken.None);

        Assert.Null(await store.GetAsync("coworks-api-key", CancellationToken.None));
    }

    [Fact]
    public async Task DeleteAsync_ExistingSecret_GetReturnsNull()
    {
        var store = CreateStore();
        await store.SetAsync("cobot-api-key", "s3cr3t", CancellationToken.None);
        await store.SetAsync("coworks-api-key", "other", CancellationToken.None);

        await store.DeleteAsync("cobot-api-key", CancellationToken.None);

        Assert.Null(await store.GetAsync("cobot-api-key", CancellationToken.None));
        Assert.Equal("other", await store.GetAsync("coworks-api-key", CancellationToken.None));
    }

    [Fact]
    public async Task DeleteAsync_MissingSecret_DoesNothing()
    {
        var store = CreateStore();

        await store.DeleteAsync("cobot-api-key", CancellationToken.None);

        Assert.Null(await store.GetAsync("cobot-api-key", CancellationToken.None));
    }

    [Fact]
    public async Task SetAsync_Value_NoFileOnDiskContainsThePlaintext()
    {
        const string value = "plaintext-that-must-not-leak";
        var store = CreateStore();

        await store.SetAsync("cobot-api-key", value, CancellationToken.None);

        foreach (var file in Directory.GetFiles(_directory))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.DoesNotContain(value, Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(value)), Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        }
        Assert.Contains("cobot-api-key", await File.ReadAllTextAsync(SecretsPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetAsync_SameValueTwice_UsesAFreshNonce()
    {
        var store = CreateStore();
        await store.SetAsync("cobot-api-key", "s3cr3t", CancellationToken.None);
        var first = (await ReadSecretsFileAsync())["cobot-api-key"];

        await store.SetAsync("cobot-api-key", "s3cr3t", CancellationToken.None);

        Assert.NotEqual(first, (await ReadSecretsFileAsync())["cobot-api-key"]);
    }

    [Fact]
    public async Task GetAsync_CiphertextTampered_ThrowsCryptographicExceptionNamingTheSecretNotTheValue()
    {
        var store = CreateStore();
        await store.SetAsync("cobot-api-key", "s3cr3t-value", CancellationToken.None);
        var secrets = await ReadSecretsFileAsync();
        var sealedValue = Convert.FromBase64String(secrets["cobot-api-key"]);
        sealedValue[14] ^= 0x01;
        secrets["cobot-api-key"] = Convert.ToBase64String(sealedValue);
        await WriteSecretsFileAsync(secrets);

        var exception = await Assert.ThrowsAsync<CryptographicException>(() => store.GetAsync("cobot-api-key", CancellationToken.None));

        Assert.Contains("'cobot-api-key'", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-value", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_CiphertextsSwappedBetweenNames_ThrowsCryptographicException()
    {
        var store = CreateStore();
        await store.SetAsync("cobot-api-key", "cobot-value", CancellationToken.None);
        await store.SetAsync("coworks-api-key", "coworks-value", CancellationToken.None);
        var secrets = await ReadSecretsFileAsync();
        (secrets["cobot-api-key"], secrets["coworks-api-key"]) = (secrets["coworks-api-key"], secrets["cobot-api-key"]);
        await WriteSecretsFileAsync(secrets);

        await Assert.ThrowsAsync<CryptographicException>(() => store.GetAsync("cobot-api-key", CancellationToken.None));
        await Assert.ThrowsAsync<CryptographicException>(() => store.GetAsync("coworks-api-key", CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_KeyFileReplaced_ThrowsCryptographicException()
    {
        await CreateStore().SetAsync("cobot-api-key", "s3cr3t", CancellationToken.None);
        await File.WriteAllBytesAsync(KeyPath, RandomNumberGenerator.GetBytes(32));

        var exception = await Assert.ThrowsAsync<CryptographicException>(() => CreateStore().GetAsync("cobot-api-key", CancellationToken.None));

        Assert.Contains("'cobot-api-key'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_KeyFileMissing_ThrowsInvalidOperationException()
    {
        await CreateStore().SetAsync("cobot-api-key", "s3cr3t", CancellationToken.None);
        File.Delete(KeyPath);

        await Assert.ThrowsAsync<InvalidOperationException>(() => CreateStore().GetAsync("cobot-api-key", CancellationToken.None));
    }

    [Fact]
    public async Task SetAsync_FirstUse_CreatesDirectoryAndA256BitKeyReadableByTheOwnerOnly()
    {
        await CreateStore().SetAsync("cobot-api-key", "s3cr3t", CancellationToken.None);

        Assert.Equal(32, (await File.ReadAllBytesAsync(KeyPath)).Length);
        if (OperatingSystem.IsWindows())
            return;
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyPath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(SecretsPath));
    }

    [Fact]
    public async Task SetAsync_AfterWrites_LeavesNoTemporaryFiles()
    {
        var store = CreateStore();

        await store.SetAsync("cobot-api-key", "s3cr3t", CancellationToken.None);
        await store.DeleteAsync("cobot-api-key", CancellationToken.None);

        Assert.Equal(
            [LocalSecretStore.SecretsFileName, LocalSecretStore.KeyFileName],
            Directory.GetFiles(_directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GetAsync_SecondInstanceOnSameDirectory_ReadsWhatTheFirstWrote()
    {
        await CreateStore().SetAsync("cobot-api-key", "s3cr3t", CancellationToken.None);

        var value = await CreateStore().GetAsync("cobot-api-key", CancellationToken.None);

        Assert.Equal("s3cr3t", value);
    }

    [Fact]
    public async Task SetAsync_FiftyConcurrentNames_AllSurvive()
    {
        var store = CreateStore();
        var names = Enumerable.Range(0, 50).Select(i => $"connector-{i}-api-key").ToList();

        await Task.WhenAll(names.Select(name => Task.Run(() => store.SetAsync(name, $"value-of-{name}", CancellationToken.None))));

        var reader = CreateStore();
        foreach (var name in names)
            Assert.Equal($"value-of-{name}", await reader.GetAsync(name, CancellationToken.None));
    }

    [Fact]
    public async Task SetAsync_InvalidName_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => CreateStore().SetAsync("Cobot_Api_Key", "s3cr3t", CancellationToken.None));
    }

    [Fact]
    public void Constructor_NoDirectory_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new LocalSecretStore(
            Options.Create(new LocalSecretStoreOptions()), NullLogger<LocalSecretStore>.Instance));
    }

    private LocalSecretStore CreateStore() => new(
        Options.Create(new LocalSecretStoreOptions { DirectoryPath = _directory }), NullLogger<LocalSecretStore>.Instance);

    private async Task<Dictionary<string, string>> ReadSecretsFileAsync() =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(SecretsPath))!;

    private Task WriteSecretsFileAsync(Dictionary<string, string> secrets) =>
        File.WriteAllTextAsync(SecretsPath, JsonSerializer.Serialize(secrets));
}
