namespace CoworkSync.State.Secrets;

/// <summary>Where <see cref="LocalSecretStore"/> keeps its files.</summary>
public sealed class LocalSecretStoreOptions
{
    /// <summary>The directory of <c>secrets.json</c> and <c>secrets.key</c>; created on first write.</summary>
    public string DirectoryPath { get; set; } = "";
}
