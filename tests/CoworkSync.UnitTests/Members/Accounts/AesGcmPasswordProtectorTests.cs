using System.Security.Cryptography;
using System.Text.RegularExpressions;
using CoworkSync.Members.Accounts;
using CoworkSync.State.Secrets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoworkSync.UnitTests.Members.Accounts;

public sealed partial class AesGcmPasswordProtectorTests
{
    private const string Password = "Kx7#pQ9vRt2m+W";
    private const string KeyName = AesGcmPasswordProtector.KeySecretName;

    private readonly InMemorySecretStore _store = new();

    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task UnprotectAsync_AfterProtectAsync_ReturnsPassword()
    {
        var protector = CreateProtector();

        var protectedValue = await protector.ProtectAsync("pässwörd ✓ \"quoted\"", "alice", None);

        Assert.Equal("pässwörd ✓ \"quoted\"", await protector.UnprotectAsync(protectedValue, "alice", None));
    }

    [Fact]
    public async Task ProtectAsync_Output_IsVersionKeyIdAndNonceCiphertextTag()
    {
        var protector = CreateProtector();

        var protectedValue = await protector.ProtectAsync(Password, "alice", None);

        var match = ProtectedValuePattern().Match(protectedValue);
        Assert.True(match.Success, protectedValue);
        Assert.Equal(KeyIdOf(_store.Values[KeyName]), match.Groups["keyId"].Value);
        Assert.Equal(12 + Password.Length + 16, Convert.FromBase64String(match.Groups["data"].Value).Length);
        Assert.DoesNotContain(Password, protectedValue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProtectAsync_SamePasswordTwice_GivesDifferentValues()
    {
        var protector = CreateProtector();

        var first = await protector.ProtectAsync(Password, "alice", None);
        var second = await protector.ProtectAsync(Password, "alice", None);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task ProtectAsync_NoKeyStored_CreatesAndKeepsA256BitKey()
    {
        var protector = CreateProtector();

        await protector.ProtectAsync(Password, "alice", None);

        var key = _store.Values[KeyName];
        Assert.Equal(32, Convert.FromBase64String(key).Length);
        Assert.Equal(key, _store.Values[AesGcmPasswordProtector.KeySecretNameFor(KeyIdOf(key))]);
    }

    [Fact]
    public async Task ProtectAsync_KeyStored_UsesItWithoutReplacingIt()
    {
        var key = NewKey();
        _store.Values[KeyName] = key;
        var protector = CreateProtector();

        var protectedValue = await protector.ProtectAsync(Password, "alice", None);

        Assert.StartsWith($"v1:{KeyIdOf(key)}:", protectedValue, StringComparison.Ordinal);
        Assert.Equal(key, _store.Values[KeyName]);
    }

    [Fact]
    public async Task ProtectAsync_KeyLoaded_IsCachedAfterFirstUse()
    {
        var protector = CreateProtector();
        await protector.ProtectAsync(Password, "alice", None);
        var gets = _store.Gets;

        for (var i = 0; i < 10; i++)
            await protector.UnprotectAsync(await protector.ProtectAsync(Password, "alice", None), "alice", None);

        Assert.Equal(gets, _store.Gets);
    }

    [Fact]
    public async Task ProtectAsync_ManyConcurrentFirstCalls_CreateOneKey()
    {
        var protector = CreateProtector();

        var values = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => protector.ProtectAsync(Password, "alice", None))));

        Assert.Single(_store.SetNames, name => name == KeyName);
        Assert.Single(values.Select(v => v.Split(':')[1]).Distinct());
    }

    [Fact]
    public async Task ProtectAsync_AnotherInstanceCreatesKeyAtSameTime_UsesTheStoredOne()
    {
        var theirs = NewKey();
        _store.AfterSet = (name, _) =>
        {
            if (name == KeyName)
            {
                _store.AfterSet = null;
                _store.Values[KeyName] = theirs;
            }
        };
        var protector = CreateProtector();

        var protectedValue = await protector.ProtectAsync(Password, "alice", None);

        Assert.StartsWith($"v1:{KeyIdOf(theirs)}:", protectedValue, StringComparison.Ordinal);
        Assert.Equal(Password, await CreateProtector().UnprotectAsync(protectedValue, "alice", None));
    }

    [Fact]
    public async Task ProtectAsync_AnotherInstanceReplacedKeyAfterReadBack_ValueStillOpens()
    {
        // This instance created and used its key; another instance's key then became current.
        var protector = CreateProtector();
        var protectedValue = await protector.ProtectAsync(Password, "alice", None);
        _store.Values[KeyName] = NewKey();

        Assert.Equal(Password, await CreateProtector().UnprotectAsync(protectedValue, "alice", None));
    }

    [Fact]
    public async Task UnprotectAsync_UsernameInOtherCase_ReturnsPassword()
    {
        var protector = CreateProtector();

        var protectedValue = await protector.ProtectAsync(Password, "Alice.Smith", None);

        Assert.Equal(Password, await protector.UnprotectAsync(protectedValue, "alice.smith", None));
    }

    [Fact]
    public async Task UnprotectAsync_OtherUsername_ThrowsWithoutPassword()
    {
        var protector = CreateProtector();
        var protectedValue = await protector.ProtectAsync(Password, "alice", None);

        var ex = await Assert.ThrowsAsync<CryptographicException>(() => protector.UnprotectAsync(protectedValue, "bob", None));

        AssertNoPassword(ex);
    }

    [Fact]
    public async Task UnprotectAsync_CiphertextAltered_ThrowsWithoutPassword()
    {
        var protector = CreateProtector();
        var parts = (await protector.ProtectAsync(Password, "alice", None)).Split(':');
        var data = Convert.FromBase64String(parts[2]);
        data[14] ^= 0x01;

        var ex = await Assert.ThrowsAsync<CryptographicException>(
            () => protector.UnprotectAsync($"{parts[0]}:{parts[1]}:{Convert.ToBase64String(data)}", "alice", None));

        AssertNoPassword(ex);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not protected")]
    [InlineData("v2:1a2b3c4d:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("v1:1A2B3C4D:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("v1:1a2b3c4d:not base64!")]
    [InlineData("v1:1a2b3c4d:AAAA")]
    [InlineData("v1:1a2b3c4d:AAAA:extra")]
    public async Task UnprotectAsync_Malformed_ThrowsCryptographicException(string value)
    {
        await Assert.ThrowsAsync<CryptographicException>(() => CreateProtector().UnprotectAsync(value, "alice", None));
    }

    [Fact]
    public async Task UnprotectAsync_KeyIdChanged_Throws()
    {
        var protector = CreateProtector();
        var parts = (await protector.ProtectAsync(Password, "alice", None)).Split(':');

        var ex = await Assert.ThrowsAsync<CryptographicException>(() => protector.UnprotectAsync($"v1:00000000:{parts[2]}", "alice", None));

        Assert.Contains("00000000", ex.Message, StringComparison.Ordinal);
        AssertNoPassword(ex);
    }

    [Fact]
    public async Task RotateKeyAsync_ThenProtect_UsesNewKeyAndOldValuesStillOpen()
    {
        var protector = CreateProtector();
        var before = await protector.ProtectAsync(Password, "alice", None);
        var oldKeyId = before.Split(':')[1];

        var newKeyId = await protector.RotateKeyAsync(None);
        var after = await protector.ProtectAsync(Password, "alice", None);

        Assert.NotEqual(oldKeyId, newKeyId);
        Assert.Equal(newKeyId, KeyIdOf(_store.Values[KeyName]));
        Assert.StartsWith($"v1:{newKeyId}:", after, StringComparison.Ordinal);
        var fresh = CreateProtector();
        Assert.Equal(Password, await fresh.UnprotectAsync(before, "alice", None));
        Assert.Equal(Password, await fresh.UnprotectAsync(after, "alice", None));
    }

    [Fact]
    public async Task RotateKeyAsync_KeySetByHandNeverUsed_KeepsItReadable()
    {
        var handSet = NewKey();
        _store.Values[KeyName] = handSet;
        var valueFromElsewhere = await new AesGcmPasswordProtector(new InMemorySecretStore { Values = { [KeyName] = handSet } }, NullLogger<AesGcmPasswordProtector>.Instance)
            .ProtectAsync(Password, "alice", None);

        await CreateProtector().RotateKeyAsync(None);

        Assert.Equal(Password, await CreateProtector().UnprotectAsync(valueFromElsewhere, "alice", None));
    }

    [Fact]
    public async Task UnprotectAsync_KeyReplacedByHandAfterUse_OldValuesStillOpen()
    {
        _store.Values[KeyName] = NewKey();
        var before = await CreateProtector().ProtectAsync(Password, "alice", None);

        _store.Values[KeyName] = NewKey();

        Assert.Equal(Password, await CreateProtector().UnprotectAsync(before, "alice", None));
    }

    [Fact]
    public async Task ProtectAsync_StoredKeyInvalid_ThrowsWithoutTheValue()
    {
        _store.Values[KeyName] = "c2hvcnQta2V5";

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => CreateProtector().ProtectAsync(Password, "alice", None));

        Assert.Contains(KeyName, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("c2hvcnQta2V5", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task ProtectAsync_NoUsername_Throws(string username)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => CreateProtector().ProtectAsync(Password, username, None));
    }

    [Fact]
    public void AddWifiPasswordProtector_ResolvesOneSingletonProtector()
    {
        using var provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton<ISecretStore>(_store)
            .AddWifiPasswordProtector()
            .AddWifiPasswordProtector()
            .BuildServiceProvider();

        var protector = provider.GetRequiredService<IPasswordProtector>();

        Assert.IsType<AesGcmPasswordProtector>(protector);
        Assert.Same(protector, provider.GetRequiredService<IPasswordProtector>());
        Assert.Same(protector, provider.GetRequiredService<AesGcmPasswordProtector>());
    }

    private AesGcmPasswordProtector CreateProtector() => new(_store, NullLogger<AesGcmPasswordProtector>.Instance);

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static string KeyIdOf(string base64Key) => Convert.ToHexStringLower(SHA256.HashData(Convert.FromBase64String(base64Key)))[..8];

    private static void AssertNoPassword(Exception ex)
    {
        for (var e = (Exception?)ex; e is not null; e = e.InnerException)
            Assert.DoesNotContain(Password, e.Message, StringComparison.Ordinal);
    }

    [GeneratedRegex("^v1:(?<keyId>[0-9a-f]{8}):(?<data>[A-Za-z0-9+/]+={0,2})$")]
    private static partial Regex ProtectedValuePattern();
}
