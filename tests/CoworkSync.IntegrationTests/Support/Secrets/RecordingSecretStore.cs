using CoworkSync.State.Secrets;

namespace CoworkSync.IntegrationTests.Support.Secrets;

/// <summary>The app's own secret store, registering with <see cref="SecretsInLogs"/> every value written or read.</summary>
public sealed class RecordingSecretStore(ISecretStore inner) : ISecretStore
{
    public async Task<string?> GetAsync(string name, CancellationToken cancellationToken)
    {
        var value = await inner.GetAsync(name, cancellationToken);
        SecretsInLogs.Register(value);
        return value;
    }

    public Task SetAsync(string name, string value, CancellationToken cancellationToken)
    {
        SecretsInLogs.Register(value);
        return inner.SetAsync(name, value, cancellationToken);
    }

    public Task DeleteAsync(string name, CancellationToken cancellationToken) => inner.DeleteAsync(name, cancellationToken);
}
