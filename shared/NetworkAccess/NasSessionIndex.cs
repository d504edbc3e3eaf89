using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CoworkSync.NetworkAccess;

/// <summary>
/// Each NAS's index of open sessions (<see cref="UsageStore"/>'s <c>NasSessions</c>), written behind: a session opened in a
/// row and a closed one's removal are kept in memory and written at the usage flush, every change of one NAS in one
/// transaction. A session opened and closed between two flushes costs the index nothing: the entry was never written,
/// so there is nothing to remove. The readers here (a NAS restart's open sessions, the row a session was charged in
/// last) see this instance's changes not yet written on top of what is stored.
/// <para>
/// What a crash, or another instance, misses: the entries of sessions opened since the last flush. Their usage rows
/// hold them open all the same; a NAS restart reported elsewhere or after the crash does not close them there, so they
/// stop counting as online (devices, the console) once no report came for two interim intervals and a minute, with
/// the seconds last reported charged, which is what the session used. A session's first report in another cycle
/// finds its last row by the clock instead (<see cref="SessionSplit"/>), which is the row it was opened in unless
/// the cycle anchor changed within those seconds.
/// </para>
/// </summary>
public sealed partial class NasSessionIndex(UsageStore store, ILogger<NasSessionIndex> logger)
{
    private readonly ConcurrentDictionary<(string Nas, string SessionId), Pending> _pending = new();

    /// <summary>How many sessions have index changes not written yet.</summary>
    public int PendingChanges => _pending.Count;

    /// <summary>The session is open in the cycle's row: its entry will point there.</summary>
    /// <param name="nas">The NAS the session is on.</param>
    /// <param name="sessionId">The session.</param>
    /// <param name="username">The account whose row holds it.</param>
    /// <param name="cycleKey">The cycle whose row holds it open.</param>
    /// <param name="mayBeIndexed">
    /// The index may hold an entry for it already (it went on from another row); false for a session's first row,
    /// whose entry nobody wrote yet: closed before the flush, it is never written.
    /// </param>
    public void Opened(string nas, string sessionId, string username, string cycleKey, bool mayBeIndexed)
    {
        var opened = new Pending(username, cycleKey, Open: true, MayBeStored: mayBeIndexed);
        _pending.AddOrUpdate((nas, sessionId), opened, (_, was) => opened with { MayBeStored = mayBeIndexed || was.MayBeStored });
    }

    /// <summary>The session is closed: its entry goes, unless it was never written. A closed session never opens again.</summary>
    public void Closed(string nas, string sessionId) =>
        _pending.AddOrUpdate((nas, sessionId), new Pending(null, null, Open: false, MayBeStored: true), (_, was) => was with { Open = false });

    /// <summary>The cycle whose row holds (or held, until the flush) the session, as this instance and the index know it; null when not indexed.</summary>
    public async Task<string?> OpenCycleOfAsync(string nas, string sessionId, CancellationToken cancellationToken) =>
        _pending.TryGetValue((nas, sessionId), out var pending) && pending.CycleKey is { } cycleKey
            ? cycleKey
            : await store.OpenCycleOfAsync(nas, sessionId, cancellationToken);

    /// <summary>The sessions a NAS has open: its index as stored (one partition) with this instance's changes not yet written on top.</summary>
    public async IAsyncEnumerable<(string SessionId, string Username, string CycleKey)> OpenSessionsOfAsync(
        string nas, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pending = _pending.Where(p => p.Key.Nas == nas).ToDictionary(p => p.Key.SessionId, p => p.Value, StringComparer.Ordinal);
        await foreach (var entry in store.OpenSessionsOfAsync(nas, cancellationToken))
        {
            if (!pending.ContainsKey(entry.SessionId))
                yield return entry;
        }
        foreach (var (sessionId, change) in pending)
        {
            if (change.Open)
                yield return (sessionId, change.Username!, change.CycleKey!);
        }
    }

    /// <summary>Writes the changes kept so far, one transaction per NAS (and 100 entries); a NAS whose write fails keeps its changes for the next flush.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var group in _pending.Keys.GroupBy(k => k.Nas, StringComparer.Ordinal))
        {
            var taken = new List<(string SessionId, Pending Change)>();
            foreach (var key in group)
            {
                if (_pending.TryRemove(key, out var change))
                    taken.Add((key.SessionId, change));
            }
            var changes = taken
                .Where(t => t.Change.Open || t.Change.MayBeStored)
                .Select(t => new NasIndexChange(t.SessionId, t.Change.Open, t.Change.Username, t.Change.CycleKey))
                .ToList();
            if (changes.Count == 0)
                continue;
            try
            {
                await store.WriteIndexAsync(group.Key, changes, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // A change made meanwhile is newer and stays; the write may have landed before it failed.
                foreach (var (sessionId, change) in taken.Where(t => t.Change.Open || t.Change.MayBeStored))
                    _pending.TryAdd((group.Key, sessionId), change with { MayBeStored = true });
                LogIndexWriteFailed(ex, group.Key, changes.Count(c => c.Open), changes.Count(c => !c.Open));
            }
        }
    }

    [LoggerMessage(EventId = 1323, EventName = "NasIndexWriteFailed", Level = LogLevel.Warning, Message = "Could not write {Opened} opened and {Closed} closed sessions of NAS {Nas} to its index; tried again at the next flush")]
    private partial void LogIndexWriteFailed(Exception exception, string nas, int opened, int closed);

    /// <summary>A session's index change not written yet.</summary>
    /// <param name="Username">The account whose row holds it; null when only its removal is known.</param>
    /// <param name="CycleKey">The cycle whose row holds it; null when only its removal is known.</param>
    /// <param name="Open">Open: the entry is to be written; closed: removed.</param>
    /// <param name="MayBeStored">The index may hold an entry for it (false: nobody wrote one, so a closed one needs no write).</param>
    private sealed record Pending(string? Username, string? CycleKey, bool Open, bool MayBeStored);
}
