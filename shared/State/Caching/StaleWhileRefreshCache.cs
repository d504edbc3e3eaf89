using Microsoft.Extensions.Logging;

namespace CoworkSync.State.Caching;

/// <summary>
/// A value read from storage and kept in memory for a hot path. Only the first read, and the first after
/// <see cref="Invalidate"/>, waits for storage. Once the value is older than its freshness, callers keep getting it at
/// once while one background load replaces it; a failed background load is logged and the next caller starts another.
/// </summary>
/// <param name="load">Reads the value from storage; never called twice at once for the same generation.</param>
/// <param name="freshness">How old the value may be before a caller starts a background refresh.</param>
/// <param name="time">The clock the value's age is read from.</param>
/// <param name="logger">Where a failed background load is logged.</param>
/// <param name="name">What is cached, for the log.</param>
public sealed class StaleWhileRefreshCache<T>(Func<CancellationToken, Task<T>> load, TimeSpan freshness, TimeProvider time, ILogger logger, string name)
{
    private readonly Lock _gate = new();
    private Snapshot? _snapshot;
    private Loading? _loading;
    private long _generation;

    public Task<T> GetAsync(CancellationToken cancellationToken)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is null)
            return Load(out _).WaitAsync(cancellationToken);
        if (time.GetUtcNow() - snapshot.LoadedAt >= freshness)
            RefreshInBackground();
        return snapshot.Value;
    }

    /// <summary>Forgets the value: the next caller waits for a fresh load, and a load already running is not kept.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _generation++;
            Volatile.Write(ref _snapshot, null);
        }
    }

    private void RefreshInBackground()
    {
        var refresh = Load(out var started);
        if (started)
            _ = LogFailureAsync(refresh);
    }

    /// <summary>The load of the current generation: the one running, else a new one started here.</summary>
    private Task<T> Load(out bool started)
    {
        TaskCompletionSource<T> completion;
        long generation;
        lock (_gate)
        {
            if (_loading is { } running && running.Generation == _generation)
            {
                started = false;
                return running.Completion.Task;
            }
            started = true;
            generation = _generation;
            completion = new TaskCompletionSource<T>();
            _loading = new Loading(completion, generation);
        }
        _ = RunAsync(completion, generation);
        return completion.Task;
    }

    private async Task RunAsync(TaskCompletionSource<T> completion, long generation)
    {
        try
        {
            var value = await load(CancellationToken.None).ConfigureAwait(false);
            lock (_gate)
            {
                if (generation == _generation)
                    Volatile.Write(ref _snapshot, new Snapshot(Task.FromResult(value), time.GetUtcNow()));
                Finished(completion);
            }
            completion.TrySetResult(value);
        }
        catch (Exception ex)
        {
            lock (_gate)
                Finished(completion);
            completion.TrySetException(ex);
        }
    }

    private void Finished(TaskCompletionSource<T> completion)
    {
        if (ReferenceEquals(_loading?.Completion, completion))
            _loading = null;
    }

    private async Task LogFailureAsync(Task<T> refresh)
    {
        try
        {
            await refresh.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            logger.RefreshFailed(ex, name);
        }
    }

    private sealed record Snapshot(Task<T> Value, DateTimeOffset LoadedAt);

    private sealed record Loading(TaskCompletionSource<T> Completion, long Generation);
}
