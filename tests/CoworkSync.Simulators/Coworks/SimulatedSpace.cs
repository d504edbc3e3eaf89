namespace CoworkSync.Simulators.Coworks;

/// <summary>One Coworks space in the simulator: its API key, members and plans. Thread-safe.</summary>
public sealed class SimulatedSpace(string id, string apiKey)
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, SimulatedMember> _members = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, string> _plans = new(StringComparer.Ordinal);

    public string Id { get; } = id;

    /// <summary>The key the API accepts for this space; change it to simulate a revoked key.</summary>
    public string ApiKey { get; set; } = apiKey;

    public int MemberCount
    {
        get
        {
            lock (_gate)
                return _members.Count;
        }
    }

    /// <summary>Adds or replaces members as given (their <see cref="SimulatedMember.UpdatedAt"/> included).</summary>
    public SimulatedSpace AddMembers(params IEnumerable<SimulatedMember> members)
    {
        lock (_gate)
        {
            foreach (var member in members)
                _members[member.Id] = member;
        }
        return this;
    }

    /// <summary>Changes a member as Coworks would: <c>updated_at</c> moves forward (at least a second past the previous value).</summary>
    public SimulatedMember UpdateMember(string memberId, Func<SimulatedMember, SimulatedMember> change)
    {
        lock (_gate)
        {
            var current = _members[memberId];
            var changed = change(current);
            var now = DateTimeOffset.UtcNow;
            changed = changed with { UpdatedAt = now > current.UpdatedAt ? now : current.UpdatedAt.AddSeconds(1) };
            _members[memberId] = changed;
            return changed;
        }
    }

    public bool RemoveMember(string memberId)
    {
        lock (_gate)
            return _members.Remove(memberId);
    }

    public SimulatedMember? Member(string memberId)
    {
        lock (_gate)
            return _members.GetValueOrDefault(memberId);
    }

    public SimulatedSpace AddPlan(string planId, string name)
    {
        lock (_gate)
            _plans[planId] = name;
        return this;
    }

    public bool RemovePlan(string planId)
    {
        lock (_gate)
            return _plans.Remove(planId);
    }

    /// <summary>One page of members in id order, and the number of pages (at least 1).</summary>
    internal (IReadOnlyList<SimulatedMember> Members, int TotalPages) Page(int page, int perPage)
    {
        lock (_gate)
        {
            var totalPages = Math.Max(1, (_members.Count + perPage - 1) / perPage);
            return (_members.Values.Skip((page - 1) * perPage).Take(perPage).ToList(), totalPages);
        }
    }

    internal IReadOnlyList<(string Id, string Name)> Plans()
    {
        lock (_gate)
            return _plans.Select(p => (p.Key, p.Value)).ToList();
    }
}
