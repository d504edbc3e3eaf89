using System.Collections.Concurrent;
using CoworkSync.State.Secrets;

namespace CoworkSync.UnitTests.Members.Accounts;

/// <summary>An <see cref="ISecretStore"/> in a dictionary, counting calls; <see cref="AfterSet"/> lets a test act as another instance.</summary>
internal sealed class InMemorySecretStore : ISecretStore
{
    private int _gets;
    private int _sets;

    public ConcurrentDictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>Called after each set with the name and value, before the set returns.</summary>
    public Action<string, string>? AfterSet { get; set; }

    public int Gets => _gets;

    public int Sets => _sets;

    public List<string> SetNames { get; } = [];

    public async Task<string?> GetAsync(string name, CancellationToken cancellationToken)
    {
        SecretNames.Validate(name);
        Interlocked.Increment(ref _gets);
        await Task.Yield();
        return Values.TryGetValue(name, out var value) ? value : null;
    }

    public async Task SetAsync(string name, string value, CancellationToken cancellationToken)
    {
        SecretNames.Validate(name);
        Interlocked.Increment(ref _sets);
        await Task.Yield();
        lock (SetNames)
            SetNames.Add(name);
        Values[name] = value;
        AfterSet?.Invoke(name, value);
    }

    public Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        Values.TryRemove(name, out _);
        return Task.CompletedTask;
    }
}
