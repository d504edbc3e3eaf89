using System.Collections.Concurrent;
using System.Net;
using Azure;
using CoworkSync.Members.Accounts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoworkSync.NetworkAccess;

/// <summary>
/// The usage rows (<see cref="UsageStore"/>) as this instance knows them, and what it has not written yet.
/// <para>
/// Reads: a row read from storage is served for at most <see cref="AccountCacheOptions.CacheSeconds"/> since its read
/// began (what other instances wrote reaches this one within that), with this instance's own reports on top.
/// </para>
/// <para>
/// Writes: a report that only moves an open session's cumulative seconds on (an Interim-Update of a session the row
/// already holds) is kept in memory, latest per session, and written behind: every row's pending reports in one
/// conditional replace per row, every <see cref="RadiusOptions.AccountingFlushSeconds"/> and when the app stops. Every
/// other report writes through at once, with what is pending for its row: a session new to the row (its observers must
/// hear of it once), a Stop, a NAS restart, the part of a session before a cycle start. The NAS's index of open sessions
/// is written behind too (<see cref="NasSessionIndex"/>), at the same flush. Writes are conditional on the row's
/// ETag and merged highest-wins (<see cref="SessionUsage.After"/>), so two instances never lose each other's seconds. A
/// crash loses at most the interims not yet written, which the session's next interim or its Stop carries again
/// (Acct-Session-Time is cumulative): the seconds charged end exact.
/// </para>
/// </summary>
public sealed partial class UsageLedger(
    UsageStore store,
    NasSessionIndex index,
    TimeProvider time,
    IOptions<AccountCacheOptions> cacheOptions,
    ILogger<UsageLedger> logger)
{
    private const int MaxWriteAttempts = 10;
    private static readonly TimeSpan IdleRowLifetime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<(string Username, string CycleKey), Row> _rows = new();
    private readonly ConcurrentDictionary<(string Username, string CycleKey), bool> _dirty = new();
    private readonly TimeSpan _ttl = cacheOptions.Value.Ttl;

    /// <summary>How many rows have reports not written yet.</summary>
    public int RowsWithPendingReports => _dirty.Count;

    /// <summary>The row as RADIUS authorize counts it: read at most the cache time ago, with this instance's reports on top.</summary>
    public async Task<CycleUsage> GetAsync(string username, string cycleKey, CancellationToken cancellationToken)
    {
        var row = RowOf(username, cycleKey);
        lock (row.Lock)
        {
            if (row.IsFresh(time.GetUtcNow(), _ttl))
                return row.View(cycleKey);
        }
        await row.Gate.WaitAsync(cancellationToken);
        try
        {
            lock (row.Lock)
            {
                if (row.IsFresh(time.GetUtcNow(), _ttl))
                    return row.View(cycleKey);
            }
            await ReadIntoAsync(row, username, cycleKey, cancellationToken);
            lock (row.Lock)
                return row.View(cycleKey);
        }
        finally
        {
            row.Gate.Release();
        }
    }

    /// <summary>The row read from storage now, with this instance's reports not yet written on top (for views that must be current).</summary>
    public async Task<CycleUsage> GetFreshAsync(string username, string cycleKey, CancellationToken cancellationToken)
    {
        var row = RowOf(username, cycleKey);
        await row.Gate.WaitAsync(cancellationToken);
        try
        {
            await ReadIntoAsync(row, username, cycleKey, cancellationToken);
            lock (row.Lock)
                return row.View(cycleKey);
        }
        finally
        {
            row.Gate.Release();
        }
    }

    /// <summary>
    /// The session as this instance holds the row (with its reports not yet written on top); reads the row only when
    /// this instance holds none, which recording a report in it would do anyway. Null when the row does not hold it.
    /// </summary>
    public async Task<SessionUsage?> FindAsync(string username, string cycleKey, string sessionId, CancellationToken cancellationToken)
    {
        var row = RowOf(username, cycleKey);
        if (!row.HasStored)
            return (await GetAsync(username, cycleKey, cancellationToken)).Sessions.GetValueOrDefault(sessionId);
        lock (row.Lock)
            return row.Stored!.Sessions.TryGetValue(sessionId, out var stored) ? row.PendingSession(sessionId, stored) : null;
    }

    /// <summary>
    /// Records what a report says about a session in a cycle's row (the highest seconds win; a closed session stays
    /// closed). An interim of a session the row already holds open is written behind; any other report writes through.
    /// </summary>
    /// <param name="username">The account's user name.</param>
    /// <param name="cycleKey">The billing cycle whose row the report goes to.</param>
    /// <param name="report">What the request says about the session.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <param name="indexNas">
    /// Keep the NAS's index of open sessions pointing at this row (false for the part of a session before a cycle start:
    /// the index points at the current cycle's row, where the session goes on).
    /// </param>
    /// <returns>The session as the row held it before (null: new in this row) and as it holds it now.</returns>
    public async Task<(SessionUsage? Previous, SessionUsage Current)> RecordAsync(
        string username, string cycleKey, SessionReport report, CancellationToken cancellationToken, bool indexNas = true)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!report.Closes)
        {
            var row = RowOf(username, cycleKey);
            if (!row.HasStored)
                await GetAsync(username, cycleKey, cancellationToken);
            if (TryWriteBehind(username, cycleKey, report) is { } kept)
                return kept;
        }
        return await WriteThroughAsync(username, cycleKey, report, indexNas, cancellationToken);
    }

    /// <summary>
    /// Writes every row's pending reports (one conditional replace per row; a row that fails stays pending), then the NAS
    /// index's changes (<see cref="NasSessionIndex.FlushAsync"/>).
    /// </summary>
    /// <returns>How many rows were written.</returns>
    public async Task<int> FlushAsync(CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var key in _dirty.Keys)
        {
            _dirty.TryRemove(key, out _);
            if (!_rows.TryGetValue(key, out var row))
                continue;
            try
            {
                if (await WriteRowAsync(row, key.Username, key.CycleKey, report: null, indexNas: false, cancellationToken) is not null)
                    written++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                _dirty[key] = true;
                LogFlushFailed(ex, key.Username, key.CycleKey);
            }
        }
        await index.FlushAsync(cancellationToken);
        SweepIdleRows();
        return written;
    }

    private (SessionUsage? Previous, SessionUsage Current)? TryWriteBehind(string username, string cycleKey, SessionReport report)
    {
        var row = RowOf(username, cycleKey);
        lock (row.Lock)
        {
            if (row.Evicted || row.Stored is null || !row.Stored.Sessions.TryGetValue(report.SessionId, out var stored) || !stored.Open)
                return null;
            var previous = row.PendingSession(report.SessionId, stored);
            if (SessionUsage.After(previous, report) is not { } next)
                return (previous, previous);
            row.AddPending(report);
            row.LastUsedAt = time.GetUtcNow();
            _dirty[(username, cycleKey)] = true;
            return (previous, next);
        }
    }

    private async Task<(SessionUsage? Previous, SessionUsage Current)> WriteThroughAsync(
        string username, string cycleKey, SessionReport report, bool indexNas, CancellationToken cancellationToken)
    {
        while (true)
        {
            var row = RowOf(username, cycleKey);
            var result = await WriteRowAsync(row, username, cycleKey, report, indexNas, cancellationToken);
            if (result is { } done)
                return done;
        }
    }

    /// <summary>
    /// Writes the row's pending reports and, when given, <paramref name="report"/>: from the copy this instance holds, else
    /// from a fresh read, again from a fresh read when someone wrote the row meanwhile. Null when the row object was
    /// evicted before the write began (the caller takes the row again), or when there was nothing to write for a flush.
    /// </summary>
    private async Task<(SessionUsage? Previous, SessionUsage Current)?> WriteRowAsync(
        Row row, string username, string cycleKey, SessionReport? report, bool indexNas, CancellationToken cancellationToken)
    {
        await row.Gate.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                if (row.Evicted)
                    return null;
                if (attempt > 1 || !row.HasStored)
                    await ReadIntoAsync(row, username, cycleKey, cancellationToken);

                CycleUsage stored;
                Dictionary<string, SessionReport> pending;
                lock (row.Lock)
                {
                    stored = row.Stored!;
                    pending = row.PendingSnapshot();
                }
                if (report is null && pending.Count == 0)
                    return null;

                var sessions = new Dictionary<string, SessionUsage>(stored.Sessions, StringComparer.Ordinal);
                foreach (var (id, kept) in pending)
                {
                    if (SessionUsage.After(sessions.GetValueOrDefault(id), kept) is { } merged)
                        sessions[id] = merged;
                }
                SessionUsage? previous = null, current = null;
                if (report is not null)
                {
                    previous = sessions.GetValueOrDefault(report.SessionId);
                    current = SessionUsage.After(previous, report) ?? previous!;
                    sessions[report.SessionId] = current;
                    if (pending.Count == 0 && ReferenceEquals(current, previous))
                        return (previous, current);
                }

                var startedAt = time.GetUtcNow();
                try
                {
                    var etag = await store.WriteAsync(username, cycleKey, sessions, stored.ETag, cancellationToken);
                    lock (row.Lock)
                    {
                        row.Stored = new CycleUsage(cycleKey, sessions, etag);
                        row.ReadStartedAt = startedAt;
                        row.LastUsedAt = startedAt;
                        row.RemoveWritten(pending);
                    }
                }
                catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.Conflict && attempt < MaxWriteAttempts)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(2, 10 * attempt)), time, cancellationToken);
                    continue;
                }
                catch (RequestFailedException ex) when (ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.Conflict)
                {
                    throw new State.Tables.ConcurrencyConflictException($"The usage row kept changing; gave up after {MaxWriteAttempts} attempts.", ex);
                }

                if (indexNas && report?.Nas is { } nas && (previous is null || previous.Open != current!.Open || report.Closes))
                    Index(nas, username, cycleKey, report, current!);
                return (previous, current ?? previous!);
            }
        }
        finally
        {
            row.Gate.Release();
        }
    }

    /// <summary>
    /// Points the NAS's index at an open session's row, or removes a closed one's entry, behind. A session new to its
    /// first row (nothing charged before it) has no entry yet, so its Stop before the flush leaves nothing to write.
    /// </summary>
    private void Index(string nas, string username, string cycleKey, SessionReport report, SessionUsage current)
    {
        if (current.Open)
            index.Opened(nas, report.SessionId, username, cycleKey, mayBeIndexed: (current.Before ?? 0) > 0);
        else
            index.Closed(nas, report.SessionId);
    }

    /// <summary>Reads the row from storage into <paramref name="row"/>; the caller holds its gate.</summary>
    private async Task ReadIntoAsync(Row row, string username, string cycleKey, CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var read = await store.GetAsync(username, cycleKey, cancellationToken);
        lock (row.Lock)
        {
            row.Stored = read;
            row.ReadStartedAt = startedAt;
            row.LastUsedAt = startedAt;
        }
    }

    private Row RowOf(string username, string cycleKey)
    {
        while (true)
        {
            var row = _rows.GetOrAdd((username, cycleKey), static _ => new Row());
            if (!row.Evicted)
                return row;
            _rows.TryRemove(new KeyValuePair<(string, string), Row>((username, cycleKey), row));
        }
    }

    /// <summary>Drops rows unused for a while that have nothing pending, so memory holds only the sessions of late.</summary>
    private void SweepIdleRows()
    {
        var now = time.GetUtcNow();
        foreach (var (key, row) in _rows)
        {
            if (!row.Gate.Wait(0))
                continue;
            try
            {
                lock (row.Lock)
                {
                    var idle = now - row.LastUsedAt;
                    if (row.HasPending || (idle >= TimeSpan.Zero && idle < IdleRowLifetime))
                        continue;
                    row.Evicted = true;
                }
                _rows.TryRemove(new KeyValuePair<(string, string), Row>(key, row));
            }
            finally
            {
                row.Gate.Release();
            }
        }
    }

    [LoggerMessage(EventId = 1320, EventName = "UsageFlushFailed", Level = LogLevel.Warning, Message = "Could not write the pending usage of {Username} for the cycle {CycleKey}; it is tried again at the next flush")]
    private partial void LogFlushFailed(Exception exception, string username, string cycleKey);

    /// <summary>One usage row: the copy last read or written, and the reports not written yet. Fields under <see cref="Lock"/>.</summary>
    private sealed class Row
    {
        private Dictionary<string, SessionReport>? _pending;

        /// <summary>Serializes this instance's reads into and writes of the row.</summary>
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public Lock Lock { get; } = new();

        public CycleUsage? Stored { get; set; }

        public DateTimeOffset ReadStartedAt { get; set; }

        public DateTimeOffset LastUsedAt { get; set; }

        public bool Evicted { get; set; }

        public bool HasStored
        {
            get
            {
                lock (Lock)
                    return Stored is not null;
            }
        }

        public bool HasPending => _pending is { Count: > 0 };

        public bool IsFresh(DateTimeOffset now, TimeSpan ttl)
        {
            var age = now - ReadStartedAt;
            return Stored is not null && age >= TimeSpan.Zero && age < ttl;
        }

        /// <summary>The stored copy with the pending reports on top (the stored copy itself when none are pending).</summary>
        public CycleUsage View(string cycleKey)
        {
            var stored = Stored ?? CycleUsage.Empty(cycleKey);
            if (_pending is not { Count: > 0 })
                return stored;
            var sessions = new Dictionary<string, SessionUsage>(stored.Sessions, StringComparer.Ordinal);
            foreach (var (id, report) in _pending)
            {
                if (SessionUsage.After(sessions.GetValueOrDefault(id), report) is { } merged)
                    sessions[id] = merged;
            }
            return stored with { Sessions = sessions };
        }

        public SessionUsage PendingSession(string sessionId, SessionUsage stored) =>
            _pending is not null && _pending.TryGetValue(sessionId, out var report) ? SessionUsage.After(stored, report) ?? stored : stored;

        /// <summary>Keeps the report, folded into what is pending for its session (equivalent to applying both in turn).</summary>
        public void AddPending(SessionReport report)
        {
            _pending ??= new Dictionary<string, SessionReport>(StringComparer.Ordinal);
            _pending[report.SessionId] = _pending.TryGetValue(report.SessionId, out var earlier)
                ? report with
                {
                    Seconds = Math.Max(earlier.Seconds, report.Seconds),
                    Nas = report.Nas ?? earlier.Nas,
                    CallingStationId = report.CallingStationId ?? earlier.CallingStationId,
                    At = report.At > earlier.At ? report.At : earlier.At,
                }
                : report;
        }

        public Dictionary<string, SessionReport> PendingSnapshot() =>
            _pending is { Count: > 0 } ? new Dictionary<string, SessionReport>(_pending, StringComparer.Ordinal) : [];

        /// <summary>Forgets the pending reports that were written; one that came in meanwhile stays.</summary>
        public void RemoveWritten(Dictionary<string, SessionReport> written)
        {
            if (_pending is null)
                return;
            foreach (var (id, report) in written)
            {
                if (_pending.TryGetValue(id, out var now) && ReferenceEquals(now, report))
                    _pending.Remove(id);
            }
        }
    }
}
