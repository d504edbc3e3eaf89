using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CoworkSync.Connectors;

/// <summary>
/// Which webhook event ids were accepted already, answered without storage for the webhooks that matter on the hot path.
/// <para>
/// This instance remembers every id it accepted for <see cref="Window"/> (at most <see cref="Capacity"/> of them): its
/// memory holds every acceptance since a known time, its start at first. An event the platform created after that time
/// (less a margin for clocks) can only have been accepted by this instance if memory has it, so a new event costs
/// nothing here. An older one (a platform's late retry, a replay after a restart) is looked up in storage
/// (<see cref="AcceptedWebhookStore"/>), where acceptances are written behind in batches of up to 100 per connector,
/// every second and when the app stops. Deliveries of one id at the same moment wait for each other: one enqueues, the
/// others answer "already accepted" once it has, or try again if it failed.
/// </para>
/// <para>
/// What this gives up: a retry that reaches another instance while the event is recent, or any instance before the
/// acceptance was written (within a second, or lost in a crash), is accepted again and enqueued again; the processing
/// claim applies it once. Under Azure, Service Bus's duplicate detection also drops the second send (the message id is
/// the event id).
/// </para>
/// </summary>
public sealed partial class AcceptedWebhooks(AcceptedWebhookStore store, TimeProvider time, ILogger<AcceptedWebhooks> logger)
{
    /// <summary>How long an accepted id is remembered in memory.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>How many accepted ids memory holds at most; the oldest go first.</summary>
    public const int Capacity = 100_000;

    /// <summary>How far a platform's clock may be ahead of ours.</summary>
    public static readonly TimeSpan ClockMargin = TimeSpan.FromSeconds(30);

    private const int BatchSize = 100;

    private readonly ConcurrentDictionary<(string ConnectorId, string EventId), Entry> _recent = new();
    private readonly ConcurrentQueue<((string ConnectorId, string EventId) Key, Entry Entry)> _byAge = new();
    private readonly ConcurrentQueue<(string ConnectorId, string EventId, DateTimeOffset AcceptedAt)> _unwritten = new();
    private readonly Lock _evicting = new();
    private long _rememberedSinceTicks = time.GetUtcNow().UtcTicks;

    /// <summary>How many acceptances wait to be written.</summary>
    public int Unwritten => _unwritten.Count;

    /// <summary>
    /// Whether the event is new: then the caller enqueues it and says how that went (<see cref="Admission.Accepted"/> or
    /// <see cref="Admission.Failed"/>); otherwise it was accepted before.
    /// </summary>
    /// <param name="connectorId">The connector the webhook is for.</param>
    /// <param name="eventId">The platform's event id.</param>
    /// <param name="occurredAt">When the platform says the event happened.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    public async Task<Admission> AdmitAsync(string connectorId, string eventId, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        var key = (connectorId, eventId);
        while (true)
        {
            var entry = new Entry();
            if (_recent.TryAdd(key, entry))
            {
                if ((occurredAt - ClockMargin).UtcTicks >= Volatile.Read(ref _rememberedSinceTicks))
                    return new Admission(this, key, entry);
                bool acceptedBefore;
                try
                {
                    acceptedBefore = await store.WasAcceptedAsync(connectorId, eventId, cancellationToken);
                }
                catch
                {
                    Forget(key, entry);
                    throw;
                }
                if (!acceptedBefore)
                    return new Admission(this, key, entry);
                Remember(key, entry, record: false);
                return Admission.AlreadyAccepted;
            }
            if (_recent.TryGetValue(key, out var other) && await other.Outcome.Task.WaitAsync(cancellationToken))
                return Admission.AlreadyAccepted;
        }
    }

    /// <summary>Writes the acceptances not written yet, in batches per connector; a batch that fails waits for the next flush.</summary>
    /// <returns>How many were written.</returns>
    public async Task<int> FlushAsync(CancellationToken cancellationToken)
    {
        var due = new Dictionary<string, Dictionary<string, DateTimeOffset>>(StringComparer.Ordinal);
        while (_unwritten.TryDequeue(out var item))
        {
            if (!due.TryGetValue(item.ConnectorId, out var ofConnector))
                due[item.ConnectorId] = ofConnector = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            ofConnector[item.EventId] = item.AcceptedAt;
        }
        var written = 0;
        foreach (var (connectorId, accepted) in due)
        {
            foreach (var batch in accepted.Chunk(BatchSize))
            {
                try
                {
                    await store.RecordBatchAsync(connectorId, batch, cancellationToken);
                    written += batch.Length;
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    foreach (var (eventId, at) in batch)
                        _unwritten.Enqueue((connectorId, eventId, at));
                    LogNotRecorded(ex, batch.Length, connectorId);
                }
            }
        }
        return written;
    }

    private void Remember((string, string) key, Entry entry, bool record)
    {
        var now = time.GetUtcNow();
        entry.AcceptedAt = now;
        entry.Outcome.TrySetResult(true);
        _byAge.Enqueue((key, entry));
        if (record)
            _unwritten.Enqueue((key.Item1, key.Item2, now));
        ForgetOld(now);
    }

    private void Forget((string, string) key, Entry entry)
    {
        _recent.TryRemove(new KeyValuePair<(string, string), Entry>(key, entry));
        entry.Outcome.TrySetResult(false);
    }

    /// <summary>Forgets the oldest ids past the window or the capacity; memory then holds every acceptance since the newest forgotten.</summary>
    private void ForgetOld(DateTimeOffset now)
    {
        lock (_evicting)
        {
            while (_byAge.TryPeek(out var oldest) && (now - oldest.Entry.AcceptedAt >= Window || _byAge.Count > Capacity))
            {
                _byAge.TryDequeue(out _);
                _recent.TryRemove(new KeyValuePair<(string, string), Entry>(oldest.Key, oldest.Entry));
                if (oldest.Entry.AcceptedAt.UtcTicks > _rememberedSinceTicks)
                    Volatile.Write(ref _rememberedSinceTicks, oldest.Entry.AcceptedAt.UtcTicks);
            }
        }
    }

    [LoggerMessage(EventId = 1510, EventName = "WebhookAcceptancesNotRecorded", Level = LogLevel.Warning, Message = "Could not record {Count} accepted webhooks of connector {ConnectorId}; tried again at the next flush (until then a retry may be enqueued again, and is applied once)")]
    private partial void LogNotRecorded(Exception exception, int count, string connectorId);

    internal sealed class Entry
    {
        public TaskCompletionSource<bool> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public DateTimeOffset AcceptedAt { get; set; }
    }

    /// <summary>A webhook's admission: new (enqueue it, then say how it went), or accepted before.</summary>
    public sealed class Admission
    {
        private readonly AcceptedWebhooks? _owner;
        private readonly (string, string) _key;
        private readonly Entry? _entry;

        internal Admission(AcceptedWebhooks owner, (string, string) key, Entry entry) => (_owner, _key, _entry) = (owner, key, entry);

        private Admission()
        {
        }

        internal static Admission AlreadyAccepted { get; } = new();

        /// <summary>The event was accepted before: answer 200, enqueue nothing.</summary>
        public bool IsDuplicate => _owner is null;

        /// <summary>The event is enqueued: remember it, and record it in storage soon.</summary>
        public void Accepted() => _owner?.Remember(_key, _entry!, record: true);

        /// <summary>Enqueueing failed: forget the event, so that the platform's retry enqueues it.</summary>
        public void Failed() => _owner?.Forget(_key, _entry!);
    }
}
