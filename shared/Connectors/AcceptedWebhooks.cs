using System.Collections.Concurrent;

namespace CoworkSync.Connectors;

/// <summary>
/// Which webhook event ids this instance accepted lately, so that a platform's prompt retry is answered 200 and not
/// enqueued again. Memory only: the enqueue is the one durable write of an accepted webhook.
/// <para>
/// An id is remembered for <see cref="Window"/> (at most <see cref="Capacity"/> ids; the oldest go first). Deliveries of
/// one id at the same moment wait for each other: one enqueues, the others answer "already accepted" once it has, or
/// try again if it failed. Any other delivery of an id (a late retry, one reaching another instance or a restarted one)
/// is enqueued again: the processing claim applies an event once, and under Azure Service Bus's duplicate detection
/// (the message id is the event id) drops a second send within its window before it is delivered.
/// </para>
/// </summary>
public sealed class AcceptedWebhooks(TimeProvider time)
{
    /// <summary>How long an accepted id is remembered.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>How many accepted ids memory holds at most; the oldest go first.</summary>
    public const int Capacity = 100_000;

    private readonly ConcurrentDictionary<(string ConnectorId, string EventId), Entry> _recent = new();
    private readonly ConcurrentQueue<((string ConnectorId, string EventId) Key, Entry Entry)> _byAge = new();
    private readonly Lock _evicting = new();

    /// <summary>
    /// Whether the event is new here: then the caller enqueues it and says how that went (<see cref="Admission.Accepted"/>
    /// or <see cref="Admission.Failed"/>); otherwise this instance accepted it lately.
    /// </summary>
    /// <param name="connectorId">The connector the webhook is for.</param>
    /// <param name="eventId">The platform's event id.</param>
    /// <param name="cancellationToken">Stops the wait for a delivery of the same id in progress.</param>
    public async Task<Admission> AdmitAsync(string connectorId, string eventId, CancellationToken cancellationToken)
    {
        var key = (connectorId, eventId);
        while (true)
        {
            var entry = new Entry();
            if (_recent.TryAdd(key, entry))
                return new Admission(this, key, entry);
            if (_recent.TryGetValue(key, out var other) && await other.Outcome.Task.WaitAsync(cancellationToken))
                return Admission.AlreadyAccepted;
        }
    }

    private void Remember((string, string) key, Entry entry)
    {
        var now = time.GetUtcNow();
        entry.AcceptedAt = now;
        entry.Outcome.TrySetResult(true);
        _byAge.Enqueue((key, entry));
        ForgetOld(now);
    }

    private void Forget((string, string) key, Entry entry)
    {
        _recent.TryRemove(new KeyValuePair<(string, string), Entry>(key, entry));
        entry.Outcome.TrySetResult(false);
    }

    /// <summary>Forgets the oldest ids past the window or the capacity.</summary>
    private void ForgetOld(DateTimeOffset now)
    {
        lock (_evicting)
        {
            while (_byAge.TryPeek(out var oldest) && (now - oldest.Entry.AcceptedAt >= Window || _byAge.Count > Capacity))
            {
                _byAge.TryDequeue(out _);
                _recent.TryRemove(new KeyValuePair<(string, string), Entry>(oldest.Key, oldest.Entry));
            }
        }
    }

    internal sealed class Entry
    {
        public TaskCompletionSource<bool> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public DateTimeOffset AcceptedAt { get; set; }
    }

    /// <summary>A webhook's admission: new (enqueue it, then say how it went), or accepted lately.</summary>
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

        /// <summary>The event was accepted lately: answer 200, enqueue nothing.</summary>
        public bool IsDuplicate => _owner is null;

        /// <summary>The event is enqueued: remember it.</summary>
        public void Accepted() => _owner?.Remember(_key, _entry!);

        /// <summary>Enqueueing failed: forget the event, so that the platform's retry enqueues it.</summary>
        public void Failed() => _owner?.Forget(_key, _entry!);
    }
}
