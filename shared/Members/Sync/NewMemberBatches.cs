using CoworkSync.Members.Provisioning;

namespace CoworkSync.Members.Sync;

/// <summary>
/// The members a sync found no row for, gathered into batches of <paramref name="size"/> to be created together; shared
/// by the members the sync handles at once.
/// </summary>
internal sealed class NewMemberBatches(int size)
{
    private readonly Lock _lock = new();
    private List<ReconcileRequest> _waiting = [];

    /// <summary>Adds a member; when that fills a batch, hands it over (the caller creates it) and starts the next.</summary>
    /// <returns>The full batch, or null.</returns>
    public IReadOnlyList<ReconcileRequest>? Add(ReconcileRequest request)
    {
        lock (_lock)
        {
            _waiting.Add(request);
            if (_waiting.Count < size)
                return null;
            var full = _waiting;
            _waiting = [];
            return full;
        }
    }

    /// <summary>Hands over the members still waiting (the last batch, possibly empty).</summary>
    public IReadOnlyList<ReconcileRequest> TakeRest()
    {
        lock (_lock)
        {
            var rest = _waiting;
            _waiting = [];
            return rest;
        }
    }
}
