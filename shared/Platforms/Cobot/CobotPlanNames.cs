using System.Collections.Concurrent;

namespace CoworkSync.Platforms.Cobot;

/// <summary>
/// The names of a space's plans (hidden ones included) by id, so a member's plan is named as the space names it now
/// (a membership's plan copy keeps the name it had when copied). A sync reads them afresh; a webhook re-read uses
/// what the last read found, for up to <see cref="CacheFor"/>, so webhooks do not spend the token's requests on plans.
/// </summary>
public sealed class CobotPlanNames(CobotClient client, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(15);
    private readonly ConcurrentDictionary<string, (IReadOnlyDictionary<string, string> Names, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    public async Task<IReadOnlyDictionary<string, string>> GetAsync(string connectorId, CobotConnection connection, bool refresh, CancellationToken cancellationToken)
    {
        if (!refresh && _cache.TryGetValue(connectorId, out var cached) && cached.Until > time.GetUtcNow())
            return cached.Names;
        var plans = await client.ListPlansAsync(connection, cancellationToken);
        var names = plans.Where(p => p.Id is { Length: > 0 } && !string.IsNullOrWhiteSpace(p.Name))
            .GroupBy(p => p.Id!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Name!.Trim(), StringComparer.Ordinal);
        _cache[connectorId] = (names, time.GetUtcNow() + CacheFor);
        return names;
    }
}
