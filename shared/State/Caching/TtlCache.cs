using System.Collections.Concurrent;

namespace CoworkSync.State.Caching;

/// <summary>
/// Values read from storage by key and kept in memory for at most a fixed time, never longer: what a hot path may serve
/// from memory when a change must reach it within a bound (e.g. a disabled member refused within seconds on every
/// instance). The time counts from when the read <em>started</em>, so a value is never served more than
/// <see cref="Ttl"/> after a change that was already stored when a later read began. Callers that ask for the same key at
/// once share one read; a failed read is not kept; <see cref="Invalidate"/> makes the next caller read again (a read
/// already running still answers the callers that were waiting for it, who asked before the change). Expired entries are
/// swept once the cache has grown past twice its size after the last sweep, so it holds only what was used recently.
/// </summary>
/// <param name="ttl">How long a value may be served after its read started; zero reads every time.</param>
/// <param name="time">The clock the age is read from; a clock that moves back makes every entry expire.</param>
/// <param name="comparer">How keys compare.</param>
public sealed class TtlCache<TKey, TValue>(TimeSpan ttl, TimeProvider time, IEqualityComparer<TKey>? comparer = null) where TKey : notnull
{
    private const int MinimumSweepThreshold = 1024;

    private readonly ConcurrentDictionary<TKey, Entry> _entries = new(comparer);
    private int _sweepThreshold = MinimumSweepThreshold;

    public TimeSpan Ttl => ttl;

    public int Count => _entries.Count;

    /// <summary>The value for the key: from memory while it is younger than <see cref="Ttl"/>, otherwise from <paramref name="load"/>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="load">Reads the value; its cancellation is not the caller's, since other callers may wait for it too.</param>
    /// <param name="cancellationToken">Stops this caller's wait (not the shared read).</param>
    public Task<TValue> GetAsync(TKey key, Func<TKey, Task<TValue>> load, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (ttl <= TimeSpan.Zero)
            return load(key).WaitAsync(cancellationToken);
        while (true)
        {
            var now = time.GetUtcNow();
            if (_entries.TryGetValue(key, out var current) && current.IsServable(now, ttl))
                return current.Completion.Task.WaitAsync(cancellationToken);

            var entry = new Entry(now);
            var owned = current is null ? _entries.TryAdd(key, entry) : _entries.TryUpdate(key, entry, current);
            if (!owned)
                continue;
            SweepWhenGrown(now);
            _ = RunAsync(key, entry, load);
            return entry.Completion.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Forgets the key's value: the next caller reads it again. Call it after every write of the value.</summary>
    public void Invalidate(TKey key) => _entries.TryRemove(key, out _);

    /// <summary>Forgets every value.</summary>
    public void Clear() => _entries.Clear();

    private async Task RunAsync(TKey key, Entry entry, Func<TKey, Task<TValue>> load)
    {
        try
        {
            entry.Completion.TrySetResult(await load(key).ConfigureAwait(false));
        }
        catch (Exception ex)
        {
            _entries.TryRemove(new KeyValuePair<TKey, Entry>(key, entry));
            entry.Completion.TrySetException(ex);
        }
    }

    private void SweepWhenGrown(DateTimeOffset now)
    {
        if (_entries.Count <= Volatile.Read(ref _sweepThreshold))
            return;
        foreach (var (key, entry) in _entries)
        {
            if (!entry.IsServable(now, ttl) && entry.Completion.Task.IsCompleted)
                _entries.TryRemove(new KeyValuePair<TKey, Entry>(key, entry));
        }
        Volatile.Write(ref _sweepThreshold, Math.Max(MinimumSweepThreshold, 2 * _entries.Count));
    }

    private sealed class Entry(DateTimeOffset readStartedAt)
    {
        public TaskCompletionSource<TValue> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool IsServable(DateTimeOffset now, TimeSpan ttl)
        {
            var age = now - readStartedAt;
            return age >= TimeSpan.Zero && age < ttl && !Completion.Task.IsFaulted && !Completion.Task.IsCanceled;
        }
    }
}
