using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
namespace CoworkSync.Members.Provisioning;

/// <summary>One member's latest platform state to reconcile, with what the connector says about provisioning.</summary>
/// <param name="ConnectorId">The connector the member belongs to.</param>
/// <param name="Member">The member's platform state.</param>
/// <param name="Settings">The connector's provisioning settings.</param>
/// <param name="PlanMappings">The connector's plans and the access groups they map to.</param>
/// <param name="EventId">The event that carried the state, if any.</param>
/// <param name="SyncRunId">The sync run that fetched it, if any.</param>
/// <param name="OperatorUsername">An operator asked for an account (even with auto-provision off), optionally with this user name.</param>
/// <param name="OperatorRequested">An operator asked for the member's account to be created or linked.</param>
/// <param name="VersionIsReadTime">
/// The platform has no version of its own: <see cref="PlatformMember.UpdatedAt"/> is when the state was read.
/// A state equal to the stored one then keeps the stored version, so re-reading an unchanged member writes nothing.
/// </param>
/// <param name="Gone">The platform no longer lists the member: <see cref="Member"/> is their last known state, ended.</param>
/// <param name="StoredMember">
/// The member row as the caller just read it (a sync reads its connector's rows in one query), which saves the reconcile
/// a point read; a copy that is out of date fails the write (ETag) and the next attempt reads the row itself.
/// </param>
public sealed record ReconcileRequest(
    string ConnectorId,
    PlatformMember Member,
    ConnectorSettings Settings,
    IReadOnlyList<PlanMapping> PlanMappings,
    string? EventId = null,
    string? SyncRunId = null,
    bool Gone = false,
    bool OperatorRequested = false,
    string? OperatorUsername = null,
    bool VersionIsReadTime = false,
    StoredMember? StoredMember = null);

/// <summary>A member row as read by the caller of a reconcile; <see cref="Record"/> null: there was none.</summary>
public sealed record StoredMember(Records.MemberRecord? Record);
