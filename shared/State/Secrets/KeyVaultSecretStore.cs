using System.Net;
using Azure;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Logging;

namespace CoworkSync.State.Secrets;

/// <summary>
/// Secrets in Azure Key Vault. The vault soft-deletes: a deleted name stays reserved until purged, so setting it
/// again recovers the deleted secret first and then writes the new value as its latest version.
/// </summary>
public sealed partial class KeyVaultSecretStore(SecretClient client, ILogger<KeyVaultSecretStore> logger) : ISecretStore
{
    /// <remarks>A disabled secret is not absent: Key Vault answers 403 for it, and that propagates.</remarks>
    public async Task<string?> GetAsync(string name, CancellationToken cancellationToken)
    {
        SecretNames.Validate(name);
        try
        {
            var response = await client.GetSecretAsync(name, null, cancellationToken);
            return response.Value.Value;
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task SetAsync(string name, string value, CancellationToken cancellationToken)
    {
        SecretNames.Validate(name);
        ArgumentNullException.ThrowIfNull(value);
        try
        {
            await client.SetSecretAsync(name, value, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict
            && KeyVaultErrors.InnerErrorCode(ex) == KeyVaultErrors.ObjectIsDeletedButRecoverable)
        {
            LogRecovering(name);
            var recovery = await client.StartRecoverDeletedSecretAsync(name, cancellationToken);
            await recovery.WaitForCompletionAsync(cancellationToken);
            await client.SetSecretAsync(name, value, cancellationToken);
        }
    }

    public async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        SecretNames.Validate(name);
        DeleteSecretOperation deletion;
        try
        {
            deletion = await client.StartDeleteSecretAsync(name, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
        {
            return;
        }
        // Until the deletion completes the name is neither set nor recoverable, so a SetAsync right after would fail.
        await deletion.WaitForCompletionAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 300, EventName = "SecretRecovering", Level = LogLevel.Information, Message = "Secret {SecretName} is deleted but recoverable; recovering it before setting its new value")]
    private partial void LogRecovering(string secretName);
}
