namespace CoworkSync.Administration.Audit;

/// <summary>An audit entry as the admin API shows it.</summary>
/// <param name="Id">The entry's id.</param>
/// <param name="At">When the change was made.</param>
/// <param name="Actor">Who made it, and where.</param>
/// <param name="Area">What it is about.</param>
/// <param name="Action">What was done.</param>
/// <param name="Target">What was changed.</param>
/// <param name="ConnectorId">The connector concerned, if any.</param>
/// <param name="Summary">What happened, in a sentence.</param>
/// <param name="Changes">Each value set, before and after.</param>
/// <param name="SecretsSet">The names of the secrets set or rotated; never their values.</param>
/// <param name="Comment">Why, as the person said.</param>
public sealed record AuditEntryView(
    string Id, DateTimeOffset At, AuditActorView Actor, string Area, string Action, string Target, string? ConnectorId, string Summary,
    IReadOnlyList<AuditChange> Changes, IReadOnlyList<string> SecretsSet, string? Comment)
{
    public static AuditEntryView From(AuditEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Id, e.At, new AuditActorView(e.Actor.Name, e.Actor.Via, e.Actor.Role), e.Area, e.Action, e.Target, e.ConnectorId, e.Summary,
            e.Changes, e.SecretsSet, e.Comment);
    }
}

/// <param name="Name">The person, or what the admin API knows of the caller.</param>
/// <param name="Via"><c>console</c> or <c>admin API</c>.</param>
/// <param name="Role">The console role they acted in; null through the admin API.</param>
public sealed record AuditActorView(string Name, string Via, string? Role);

/// <summary>A page of the audit log, newest first.</summary>
/// <param name="Items">The entries.</param>
/// <param name="ContinuationToken">Where the next (older) page starts; null on the last.</param>
public sealed record AuditPageView(IReadOnlyList<AuditEntryView> Items, string? ContinuationToken);
