namespace CoworkSync.Sync;

/// <summary>
/// What a platform reports during a sync: notes an operator should read in the run (repairs, ignored values), errors
/// the run survived (a housekeeping step the platform refused), and members it listed but could not read. Those are
/// counted as failed and kept as seen: a member the platform still lists is never treated as gone.
/// </summary>
public sealed class SyncNotes
{
    public const int MaxNotes = 200;
    private readonly List<string> _notes = [];
    private readonly List<string> _errors = [];
    private readonly List<string> _unreadable = [];
    private readonly Lock _lock = new();

    public void Add(string note)
    {
        lock (_lock)
        {
            if (_notes.Count < MaxNotes)
                _notes.Add(note);
        }
    }

    public void AddError(string error)
    {
        lock (_lock)
        {
            if (_errors.Count < MaxNotes)
                _errors.Add(error);
        }
    }

    /// <summary>The platform lists <paramref name="memberId"/>, but what it says about them is unusable.</summary>
    public void MemberUnreadable(string memberId, string error)
    {
        lock (_lock)
            _unreadable.Add(memberId);
        AddError($"member {memberId}: {error}");
    }

    public IReadOnlyList<string> All
    {
        get
        {
            lock (_lock)
                return [.. _notes];
        }
    }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_lock)
                return [.. _errors];
        }
    }

    /// <summary>Every member reported unreadable (never capped: each must be kept from being treated as gone).</summary>
    public IReadOnlyList<string> UnreadableMembers
    {
        get
        {
            lock (_lock)
                return [.. _unreadable];
        }
    }
}
