using CoworkSync.Access;
using CoworkSync.Administration.Audit;
using CoworkSync.Outcomes;

namespace CoworkSync.Administration.AccessGroups;

/// <summary>What operators do with access groups (the admin API and the console alike); every change is recorded in the audit log.</summary>
public sealed class AccessGroupAdministration(AccessGroupStore store, AuditLog audit, TimeProvider time)
{
    /// <summary>The groups in force: the defaults not replaced, and the stored ones, by id.</summary>
    public async Task<IReadOnlyList<AccessGroupView>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await store.ListAsync(cancellationToken)).Select(AccessGroupView.From)];

    /// <summary>The group in force, stored or default.</summary>
    public async Task<Outcome<AccessGroupView>> GetAsync(string groupId, CancellationToken cancellationToken) =>
        await store.FindAsync(groupId, cancellationToken) is { } entry
            ? Outcome<AccessGroupView>.Done(AccessGroupView.From(entry))
            : Outcome<AccessGroupView>.NotFound($"There is no access group '{groupId}'.");

    /// <summary>
    /// Creates a group, refusing an id a group in force already has (a stored one or a default) as an error of
    /// <c>groupId</c>; otherwise as <see cref="PutAsync"/>.
    /// </summary>
    public async Task<Outcome<AccessGroupView>> CreateAsync(string groupId, AccessGroupInput? input, AuditActor actor, CancellationToken cancellationToken)
    {
        if (AccessGroupInput.IsValidGroupId(groupId) && await store.FindAsync(groupId, cancellationToken) is not null)
            return Outcome<AccessGroupView>.Invalid("groupId", "is taken by an existing access group: edit that one, or choose another id");
        return await PutAsync(groupId, input, actor, cancellationToken);
    }

    /// <summary>
    /// Creates a group (<see cref="OutcomeStatus.Created"/>) or replaces one, a default included. The whole group is
    /// replaced; RADIUS uses the change at once on this instance, within 30 s on the others.
    /// </summary>
    /// <param name="groupId">The group's id.</param>
    /// <param name="input">The group; null when the caller could not read it.</param>
    /// <param name="actor">Who asks, for the audit log.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async Task<Outcome<AccessGroupView>> PutAsync(string groupId, AccessGroupInput? input, AuditActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!AccessGroupInput.IsValidGroupId(groupId))
            return Outcome<AccessGroupView>.Invalid("groupId", "must be 2-50 lowercase letters, digits or dashes, starting and ending with a letter or digit");
        if (input is null)
            return Outcome<AccessGroupView>.Unreadable();
        var errors = input.Validate();
        if (errors.Count > 0)
            return Outcome<AccessGroupView>.Invalid(errors);

        var before = await store.FindAsync(groupId, cancellationToken);
        var group = input.ToAccessGroup(groupId);
        var nothingStoredBefore = await store.PutAsync(group, cancellationToken);
        var view = AccessGroupView.From(new AccessGroupEntry(group, AccessGroupSource.Stored));
        var created = nothingStoredBefore && !AccessGroupDefaults.IsDefault(groupId);
        var changes = AuditDiff.Between(before is null ? null : AccessGroupView.From(before), view);
        await audit.RecordAsync(new AuditEntry
        {
            At = time.GetUtcNow(),
            Actor = actor,
            Area = AuditAreas.AccessGroups,
            Action = created ? AuditActions.AccessGroupCreated : AuditActions.AccessGroupUpdated,
            Target = groupId,
            Summary = created ? $"Created access group {groupId}." : $"Changed access group {groupId} ({AuditDiff.Count(changes.Count)}).",
            Changes = changes,
        }, cancellationToken);
        return created ? Outcome<AccessGroupView>.Created(view) : Outcome<AccessGroupView>.Done(view);
    }
}
