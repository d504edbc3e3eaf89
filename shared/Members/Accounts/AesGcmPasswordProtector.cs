using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using CoworkSync.State.Secrets;
using Microsoft.Extensions.Logging;

namespace CoworkSync.Members.Accounts;

/// <summary>
/// Protects WiFi passwords with AES-256-GCM as <c>v1:&lt;keyId&gt;:&lt;base64(nonce|ciphertext|tag)&gt;</c>, the
/// lowercase username as associated data so a value cannot be moved to another account.
/// </summary>
/// <remarks>
/// The key is the secret <see cref="KeySecretName"/> (base64 of 32 bytes), created on first use. Every key this
/// class creates or uses is also stored under <see cref="KeySecretNameFor"/> its id (before it becomes current, for
/// one it creates), so values made with it stay readable after a rotation, after the key was replaced by hand in the
/// vault, or when two instances create a key at the same moment and the other one's wins. Keys are cached for the life of the instance: another instance's rotation is picked up at
/// restart, and until then this one keeps protecting with its (still readable) key.
/// </remarks>
public sealed partial class AesGcmPasswordProtector(ISecretStore secrets, ILogger<AesGcmPasswordProtector> logger) : IPasswordProtector
{
    public const string KeySecretName = "wifi-password-key";
    public const string Version = "v1";

    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly SemaphoreSlim _currentKeyGate = new(1, 1);
    private readonly ConcurrentDictionary<string, PasswordKey> _keysById = new(StringComparer.Ordinal);
    private volatile PasswordKey? _currentKey;

    /// <summary>The secret that keeps the key with id <paramref name="keyId"/>, e.g. <c>wifi-password-key-1a2b3c4d</c>.</summary>
    public static string KeySecretNameFor(string keyId) => $"{KeySecretName}-{keyId}";

    public async Task<string> ProtectAsync(string password, string username, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(password);
        var associatedData = AssociatedData(username);
        var key = await GetCurrentKeyAsync(cancellationToken);

        var plaintext = Encoding.UTF8.GetBytes(password);
        var sealedValue = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = sealedValue.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key.Bytes, TagSize))
        {
            aes.Encrypt(nonce, plaintext, sealedValue.AsSpan(NonceSize, plaintext.Length),
                sealedValue.AsSpan(NonceSize + plaintext.Length), associatedData);
        }
        CryptographicOperations.ZeroMemory(plaintext);
        return $"{Version}:{key.Id}:{Convert.ToBase64String(sealedValue)}";
    }

    public async Task<string> UnprotectAsync(string protectedValue, string username, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(protectedValue);
        var associatedData = AssociatedData(username);
        var (keyId, sealedValue) = Parse(protectedValue);
        var key = await FindKeyAsync(keyId, cancellationToken)
            ?? throw new CryptographicException(
                $"The WiFi password was protected with key {keyId}, which is stored neither as {KeySecretName} nor as {KeySecretNameFor(keyId)}.");

        var ciphertextLength = sealedValue.Length - NonceSize - TagSize;
        var plaintext = new byte[ciphertextLength];
        try
        {
            using var aes = new AesGcm(key.Bytes, TagSize);
            aes.Decrypt(sealedValue.AsSpan(0, NonceSize), sealedValue.AsSpan(NonceSize, ciphertextLength),
                sealedValue.AsSpan(NonceSize + ciphertextLength), plaintext, associatedData);
        }
        catch (CryptographicException ex)
        {
            throw new CryptographicException("The protected WiFi password cannot be decrypted: it was altered, or it belongs to another username.", ex);
        }
        var password = Encoding.UTF8.GetString(plaintext);
        CryptographicOperations.ZeroMemory(plaintext);
        return password;
    }

    /// <summary>
    /// Makes a new key current. The old one stays stored under <see cref="KeySecretNameFor"/> its id, so existing
    /// values still open; re-protecting them with the new key is up to the caller.
    /// </summary>
    /// <returns>The new key's id.</returns>
    public async Task<string> RotateKeyAsync(CancellationToken cancellationToken)
    {
        await _currentKeyGate.WaitAsync(cancellationToken);
        try
        {
            var stored = await secrets.GetAsync(KeySecretName, cancellationToken);
            var previous = stored is null ? null : PasswordKey.Parse(stored, KeySecretName);
            if (previous is not null)
                await KeepAsync(previous, cancellationToken);

            var next = PasswordKey.Create();
            await KeepAsync(next, cancellationToken);
            await secrets.SetAsync(KeySecretName, next.ToBase64(), cancellationToken);
            _keysById[next.Id] = next;
            _currentKey = next;
            LogKeyRotated(previous?.Id, next.Id);
            return next.Id;
        }
        finally
        {
            _currentKeyGate.Release();
        }
    }

    private async Task<PasswordKey> GetCurrentKeyAsync(CancellationToken cancellationToken)
    {
        if (_currentKey is { } cached)
            return cached;

        await _currentKeyGate.WaitAsync(cancellationToken);
        try
        {
            if (_currentKey is { } loaded)
                return loaded;

            var stored = await secrets.GetAsync(KeySecretName, cancellationToken);
            PasswordKey key;
            if (stored is null)
            {
                key = await CreateKeyAsync(cancellationToken);
            }
            else
            {
                key = PasswordKey.Parse(stored, KeySecretName);
                // A key set by hand (or by an older version) is kept under its id too, so replacing it by hand later loses nothing.
                await KeepAsync(key, cancellationToken);
            }
            _keysById[key.Id] = key;
            _currentKey = key;
            return key;
        }
        finally
        {
            _currentKeyGate.Release();
        }
    }

    private async Task<PasswordKey> CreateKeyAsync(CancellationToken cancellationToken)
    {
        var created = PasswordKey.Create();
        // Kept under its id first: if another instance's key replaces it as current, what this one protected still opens.
        await KeepAsync(created, cancellationToken);
        await secrets.SetAsync(KeySecretName, created.ToBase64(), cancellationToken);

        // Two instances may create a key at the same time; the one stored last is the one to use from now on.
        var stored = await secrets.GetAsync(KeySecretName, cancellationToken)
            ?? throw new InvalidOperationException($"Secret {KeySecretName} was set but reads back as missing.");
        var current = PasswordKey.Parse(stored, KeySecretName);
        if (current.Id == created.Id)
            LogKeyCreated(created.Id);
        else
            LogKeyCreatedElsewhere(current.Id, created.Id);
        return current;
    }

    private async Task<PasswordKey?> FindKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        if (_keysById.TryGetValue(keyId, out var known))
            return known;

        var kept = await secrets.GetAsync(KeySecretNameFor(keyId), cancellationToken);
        if (kept is not null)
        {
            var key = PasswordKey.Parse(kept, KeySecretNameFor(keyId));
            if (key.Id != keyId)
                throw new InvalidOperationException($"Secret {KeySecretNameFor(keyId)} holds the key with id {key.Id}, not {keyId}.");
            return _keysById[keyId] = key;
        }

        // A key set by hand is kept under its id only once an instance has used it; it may be current all the same.
        var stored = await secrets.GetAsync(KeySecretName, cancellationToken);
        if (stored is null)
            return null;
        var current = PasswordKey.Parse(stored, KeySecretName);
        return current.Id == keyId ? _keysById[keyId] = current : null;
    }

    private async Task KeepAsync(PasswordKey key, CancellationToken cancellationToken)
    {
        var name = KeySecretNameFor(key.Id);
        if (await secrets.GetAsync(name, cancellationToken) != key.ToBase64())
            await secrets.SetAsync(name, key.ToBase64(), cancellationToken);
    }

    private static (string KeyId, byte[] SealedValue) Parse(string protectedValue)
    {
        var parts = protectedValue.Split(':');
        if (parts.Length != 3 || parts[0] != Version)
            throw new CryptographicException($"The value is not a protected WiFi password: it should read {Version}:<keyId>:<data>.");
        if (!PasswordKey.IsValidId(parts[1]))
            throw new CryptographicException($"The protected WiFi password has no valid key id: it should be {PasswordKey.IdLength} lowercase hex digits.");

        byte[] sealedValue;
        try
        {
            sealedValue = Convert.FromBase64String(parts[2]);
        }
        catch (FormatException ex)
        {
            throw new CryptographicException("The protected WiFi password's data is not base64.", ex);
        }
        if (sealedValue.Length < NonceSize + TagSize)
            throw new CryptographicException("The protected WiFi password's data is too short to hold a nonce and a tag.");
        return (parts[1], sealedValue);
    }

    private static byte[] AssociatedData(string username)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        return Encoding.UTF8.GetBytes(username.ToLowerInvariant());
    }

    [LoggerMessage(EventId = 500, EventName = "PasswordKeyCreated", Level = LogLevel.Information, Message = "Created the WiFi password key {KeyId}")]
    private partial void LogKeyCreated(string keyId);

    [LoggerMessage(EventId = 501, EventName = "PasswordKeyCreatedElsewhere", Level = LogLevel.Information, Message = "Another instance created the WiFi password key {KeyId} at the same time; using it (the key {DiscardedKeyId} created here stays readable)")]
    private partial void LogKeyCreatedElsewhere(string keyId, string discardedKeyId);

    [LoggerMessage(EventId = 502, EventName = "PasswordKeyRotated", Level = LogLevel.Warning, Message = "Rotated the WiFi password key from {PreviousKeyId} to {KeyId}")]
    private partial void LogKeyRotated(string? previousKeyId, string keyId);
}
