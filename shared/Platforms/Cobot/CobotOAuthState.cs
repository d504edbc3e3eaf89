using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using CoworkSync.Connectors;
using CoworkSync.State.Tables;
using Microsoft.Extensions.Options;

namespace CoworkSync.Platforms.Cobot;

/// <summary>
/// The OAuth <c>state</c>: <c>base64url(json{connector, nonce, expiry})</c> + <c>.</c> + <c>base64url(HMAC-SHA256)</c>
/// keyed with a deployment key from the secret store (created on first use). Valid until its expiry
/// (<see cref="CobotClientOptions.OAuthStateLifetime"/>) and once: consuming it inserts its nonce into table
/// <c>OAuthStates</c>, and a second insert of the same nonce fails (409) atomically.
/// </summary>
public sealed class CobotOAuthState(ConnectorSecrets secrets, StateTables tables, TimeProvider time, IOptions<CobotClientOptions> options)
{
    private const string Partition = "cobot";

    public async Task<string> CreateAsync(string connectorId, CancellationToken cancellationToken)
    {
        var payload = new Payload(connectorId, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            (time.GetUtcNow() + options.Value.OAuthStateLifetime).ToUnixTimeSeconds());
        var body = Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload));
        return body + "." + Base64Url(HMACSHA256.HashData(await KeyAsync(cancellationToken), Encoding.ASCII.GetBytes(body)));
    }

    /// <summary>Checks and consumes a state; returns its connector id, or why it is refused.</summary>
    public async Task<(string? ConnectorId, string? Problem)> ConsumeAsync(string? state, CancellationToken cancellationToken)
    {
        var parts = (state ?? "").Split('.');
        if (parts.Length != 2 || !TryDecode(parts[1], out var signature))
            return (null, "the state is missing or malformed");
        var expected = HMACSHA256.HashData(await KeyAsync(cancellationToken), Encoding.ASCII.GetBytes(parts[0]));
        if (!CryptographicOperations.FixedTimeEquals(signature, expected))
            return (null, "the state's signature is not valid (it was changed or not issued here)");
        Payload? payload;
        try
        {
            payload = TryDecode(parts[0], out var json) ? JsonSerializer.Deserialize<Payload>(json) : null;
        }
        catch (JsonException)
        {
            payload = null;
        }
        if (payload is null || string.IsNullOrEmpty(payload.ConnectorId) || string.IsNullOrEmpty(payload.Nonce))
            return (null, "the state is malformed");
        if (DateTimeOffset.FromUnixTimeSeconds(payload.Expiry) < time.GetUtcNow())
            return (null, "the state has expired; start the connection again");

        var table = await tables.GetAsync(CobotTables.OAuthStates, cancellationToken);
        try
        {
            await table.AddEntityAsync(new TableEntity(Partition, payload.Nonce) { ["ConnectorId"] = payload.ConnectorId, ["UsedAt"] = time.GetUtcNow() }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
        {
            return (null, "the state was already used; start the connection again");
        }
        return (payload.ConnectorId, null);
    }

    private async Task<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        if (await secrets.GetAsync(CobotSecretNames.OAuthStateKey, cancellationToken) is { Length: > 0 } key)
            return Convert.FromBase64String(key);
        var created = RandomNumberGenerator.GetBytes(32);
        await secrets.SetAsync(CobotSecretNames.OAuthStateKey, Convert.ToBase64String(created), cancellationToken);
        return created;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length is 0 or > 2048)
            return false;
        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
        try
        {
            bytes = Convert.FromBase64String(base64);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private sealed record Payload(
        [property: JsonPropertyName("c")] string ConnectorId,
        [property: JsonPropertyName("n")] string Nonce,
        [property: JsonPropertyName("e")] long Expiry);
}
