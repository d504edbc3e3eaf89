using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoworkSync.State.Secrets;

/// <summary>
/// Secrets for local mode, in <c>secrets.json</c>: each value AES-256-GCM encrypted with the key in
/// <c>secrets.key</c> (owner-only), bound to its name so a value cannot be moved to another name.
/// Writes replace the file atomically and are serialized within the process, not across processes.
/// </summary>
public sealed partial class LocalSecretStore(IOptions<LocalSecretStoreOptions> options, ILogger<LocalSecretStore> logger) : ISecretStore
{
    public const string SecretsFileName = "secrets.json";
    public const string KeyFileName = "secrets.key";

    private const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> WriteGates = new(StringComparer.Ordinal);
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private readonly string _directory = string.IsNullOrWhiteSpace(options.Value.DirectoryPath)
        ? throw new ArgumentException($"{nameof(LocalSecretStoreOptions)}.{nameof(LocalSecretStoreOptions.DirectoryPath)} is required.", nameof(options))
        : Path.GetFullPath(options.Value.DirectoryPath);
    private byte[]? _key;

    private string SecretsPath => Path.Combine(_directory, SecretsFileName);
    private string KeyPath => Path.Combine(_directory, KeyFileName);

    private string NotASecretsFile => $"{SecretsPath} is not a valid secrets file: it should map secret names to encrypted values.";

    // Shared by every instance on the same directory, so two stores in one process cannot lose each other's writes.
    private SemaphoreSlim WriteGate => WriteGates.GetOrAdd(_directory, _ => new SemaphoreSlim(1, 1));

    public async Task<string?> GetAsync(string name, CancellationToken cancellationToken)
    {
        SecretNames.Validate(name);
        var secrets = await ReadSecretsAsync(cancellationToken);
        if (!secrets.TryGetValue(name, out var sealedValue))
            return null;
        return Open(await ReadKeyAsync(cancellationToken), name, sealedValue);
    }

    public async Task SetAsync(string name, string value, CancellationToken cancellationToken)
    {
        SecretNames.Validate(name);
        ArgumentNullException.ThrowIfNull(value);
        var gate = WriteGate;
        await gate.WaitAsync(cancellationToken);
        try
        {
            var key = await GetOrCreateKeyAsync(cancellationToken);
            var secrets = await ReadSecretsAsync(cancellationToken);
            secrets[name] = Seal(key, name, value);
            await WriteSecretsAsync(secrets, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        SecretNames.Validate(name);
        var gate = WriteGate;
        await gate.WaitAsync(cancellationToken);
        try
        {
            var secrets = await ReadSecretsAsync(cancellationToken);
            if (secrets.Remove(name))
                await WriteSecretsAsync(secrets, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <returns>Nonce, ciphertext and tag, in that order, as base64.</returns>
    private static string Seal(byte[] key, string name, string value)
    {
        var plaintext = Encoding.UTF8.GetBytes(value);
        var sealedValue = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = sealedValue.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key, TagSize))
        {
            aes.Encrypt(nonce, plaintext, sealedValue.AsSpan(NonceSize, plaintext.Length),
                sealedValue.AsSpan(NonceSize + plaintext.Length), Encoding.UTF8.GetBytes(name));
        }
        CryptographicOperations.ZeroMemory(plaintext);
        return Convert.ToBase64String(sealedValue);
    }

    private string Open(byte[] key, string name, string sealedBase64)
    {
        byte[] sealedValue;
        try
        {
            sealedValue = Convert.FromBase64String(sealedBase64);
        }
        catch (FormatException ex)
        {
            throw Undecryptable(name, ex);
        }
        if (sealedValue.Length < NonceSize + TagSize)
            throw Undecryptable(name, null);

        var ciphertextLength = sealedValue.Length - NonceSize - TagSize;
        var plaintext = new byte[ciphertextLength];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(sealedValue.AsSpan(0, NonceSize), sealedValue.AsSpan(NonceSize, ciphertextLength),
                sealedValue.AsSpan(NonceSize + ciphertextLength), plaintext, Encoding.UTF8.GetBytes(name));
        }
        catch (CryptographicException ex)
        {
            throw Undecryptable(name, ex);
        }
        var value = Encoding.UTF8.GetString(plaintext);
        CryptographicOperations.ZeroMemory(plaintext);
        return value;
    }

    private CryptographicException Undecryptable(string name, Exception? innerException) => new(
        $"Secret '{name}' in {SecretsPath} cannot be decrypted: the file was altered, or {KeyPath} is not the key it was written with.",
        innerException);

    private async Task<Dictionary<string, string>> ReadSecretsAsync(CancellationToken cancellationToken)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(SecretsPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, useAsync: true);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        await using (stream)
        {
            try
            {
                var secrets = await JsonSerializer.DeserializeAsync<Dictionary<string, string?>>(stream, Json, cancellationToken);
                if (secrets is null || secrets.Values.Any(value => value is null))
                    throw new InvalidOperationException(NotASecretsFile);
                return new Dictionary<string, string>(secrets!, StringComparer.Ordinal);
            }
            catch (JsonException ex)
            {
                throw new InvalidOperationException(NotASecretsFile, ex);
            }
        }
    }

    private async Task WriteSecretsAsync(Dictionary<string, string> secrets, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_directory);
        var temporaryPath = TemporaryPathFor(SecretsPath);
        try
        {
            await using (var stream = CreateOwnerOnlyFile(temporaryPath))
            {
                await JsonSerializer.SerializeAsync(stream, secrets, Json, cancellationToken);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporaryPath, SecretsPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporaryPath);
        }
    }

    private async Task<byte[]> GetOrCreateKeyAsync(CancellationToken cancellationToken)
    {
        if (_key is null && !File.Exists(KeyPath))
            await CreateKeyAsync(cancellationToken);
        return await ReadKeyAsync(cancellationToken);
    }

    private async Task CreateKeyAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_directory);
        var temporaryPath = TemporaryPathFor(KeyPath);
        var key = RandomNumberGenerator.GetBytes(KeySize);
        try
        {
            await using (var stream = CreateOwnerOnlyFile(temporaryPath))
            {
                await stream.WriteAsync(key, cancellationToken);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporaryPath, KeyPath, overwrite: false);
            LogKeyCreated(KeyPath);
        }
        catch (IOException) when (File.Exists(KeyPath))
        {
            // Another process created the key first; that key is the one to use.
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
            File.Delete(temporaryPath);
        }
    }

    private async Task<byte[]> ReadKeyAsync(CancellationToken cancellationToken)
    {
        if (_key is not null)
            return _key;

        byte[] key;
        try
        {
            key = await File.ReadAllBytesAsync(KeyPath, cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InvalidOperationException($"{KeyPath} is missing, so the secrets in {SecretsPath} cannot be decrypted.", ex);
        }
        if (key.Length != KeySize)
            throw new InvalidOperationException($"{KeyPath} does not hold a {KeySize * 8}-bit key.");
        return _key = key;
    }

    private static FileStream CreateOwnerOnlyFile(string path)
    {
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows())
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return new FileStream(path, fileOptions);
    }

    private static string TemporaryPathFor(string path) => $"{path}.{Guid.NewGuid():N}.tmp";

    [LoggerMessage(EventId = 301, EventName = "LocalSecretsKeyCreated", Level = LogLevel.Information, Message = "Created the local secrets key {KeyPath}")]
    private partial void LogKeyCreated(string keyPath);
}
