namespace CoworkSync.Connectors.Seam;

/// <summary>Every registered platform, by name, in the order they were registered.</summary>
public sealed class PlatformRegistry
{
    private readonly Dictionary<string, IPlatform> _byName;

    public PlatformRegistry(IEnumerable<IPlatform> platforms)
    {
        All = [.. platforms];
        _byName = new(StringComparer.Ordinal);
        foreach (var platform in All)
        {
            if (!_byName.TryAdd(platform.Name, platform))
                throw new InvalidOperationException($"Two platforms are registered as '{platform.Name}'.");
        }
    }

    /// <summary>The platforms in registration order: the order they are named in messages and views.</summary>
    public IReadOnlyList<IPlatform> All { get; }

    /// <summary>The platform called <paramref name="name"/>; null when none is (or the name is null).</summary>
    public IPlatform? Find(string? name) => name is not null && _byName.TryGetValue(name, out var platform) ? platform : null;

    /// <exception cref="InvalidOperationException">No platform serves the connector's platform.</exception>
    public IPlatform For(Connector connector) =>
        Find(connector.Platform) ?? throw new InvalidOperationException($"No platform implementation serves '{connector.Platform}'.");

    /// <summary>The registered names as a message lists them: <c>"a", "b" or "c"</c>.</summary>
    public string Choices()
    {
        var quoted = All.Select(p => $"\"{p.Name}\"").ToList();
        return quoted.Count switch
        {
            0 => "(none registered)",
            1 => quoted[0],
            _ => string.Join(", ", quoted[..^1]) + " or " + quoted[^1],
        };
    }
}
