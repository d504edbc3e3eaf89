namespace CoworkSync.Sync;

/// <summary>What a platform reports during a sync that an operator should read in the run (repairs, ignored values).</summary>
public sealed class SyncNotes
{
    public const int MaxNotes = 200;
    private readonly List<string> _notes = [];
    private readonly Lock _lock = new();

    public void Add(string note)
    {
        lock (_lock)
        {
            if (_notes.Count < MaxNotes)
                _notes.Add(note);
        }
    }

    public IReadOnlyList<string> All
    {
        get
        {
            lock (_lock)
                return [.. _notes];
        }
    }
}
