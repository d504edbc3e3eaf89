namespace CoworkSync.State.Secrets;

/// <summary>
/// Where connector API keys, webhook secrets, OAuth tokens and encryption keys live: Key Vault in Azure, an
/// encrypted file in local mode. Names are lowercase letters, digits and dashes (Key Vault's rule), at most 127.
/// </summary>
public interface ISecretStore
{
    /// <returns>The secret's current value, or null if it has never been set (or was deleted).</returns>
    Task<string?> GetAsync(string name, CancellationToken cancellationToken);

    Task SetAsync(string name, string value, CancellationToken cancellationToken);

    /// <summary>Deletes the secret; deleting one that does not exist is not an error.</summary>
    Task DeleteAsync(string name, CancellationToken cancellationToken);
}
