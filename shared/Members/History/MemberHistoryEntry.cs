namespace CoworkSync.Members.History;

/// <summary>One change to a member, as their recent events show it.</summary>
/// <param name="Sequence">The change's number for this member (1 for the first); newer changes have higher ones.</param>
/// <param name="At">When it was applied.</param>
/// <param name="EventId">The event that brought it (a webhook), if any.</param>
/// <param name="SyncRunId">The sync run that brought it, if any.</param>
/// <param name="ByOperator">An operator asked for it (created or linked the account).</param>
/// <param name="Outcome">What reconciling did to the account (<c>Created</c>, <c>Enabled</c>, <c>Disabled</c>, …).</param>
/// <param name="Summary">What changed, in words ("status active → suspended; account disabled (member suspended)").</param>
public sealed record MemberHistoryEntry(long Sequence, DateTimeOffset At, string? EventId, string? SyncRunId, bool ByOperator, string Outcome, string Summary);
