namespace CoworkSync.Connectors.Seam;

/// <summary>
/// What a platform reports during a sync: notes an operator should read in the run (repairs, ignored values), errors
/// the run survived (a housekeeping step the platform refused), and members it listed but could not read. Those are
/// counted as failed and kept as seen: a member the platform still lists is never treated as gone. Notes and errors
/// are kept up to what a run records (<see cref="MaxListed"/>). A run fills it in sequence, from one task.
/// </summary>
public sealed class SyncNotes
{
    /// <summary>The notes, and the errors, a sync run keeps.</summary>
    public const int MaxListed = 50;

    private readonly List<string> _notes = [];
    private readonly List<string> _errors = [];
    private readonly List<string> _unreadable = [];

    public IReadOnlyList<string> All => _notes;

    public IReadOnlyList<string> Errors => _errors;

    /// <summary>Every member reported unreadable (never capped: each must be kept from being treated as gone).</summary>
    public IReadOnlyList<string> UnreadableMembers => _unreadable;

    public void Add(string note) => AddUpToMax(_notes, note);

    public void AddError(string error) => AddUpToMax(_errors, error);

    /// <summary>The platform lists <paramref name="memberId"/>, but what it says about them is unusable.</summary>
    public void MemberUnreadable(string memberId, string error)
    {
        _unreadable.Add(memberId);
        AddError($"member {memberId}: {error}");
    }

    private static void AddUpToMax(List<string> list, string item)
    {
        if (list.Count < MaxListed)
            list.Add(item);
    }
}
