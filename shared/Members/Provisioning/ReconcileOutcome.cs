namespace CoworkSync.Members.Provisioning;

/// <summary>What reconciling one member did; sync runs count these.</summary>
public enum ReconcileOutcome
{
    Created,
    Updated,
    Enabled,
    Disabled,
    Unchanged,

    /// <summary>No account, and none should be created (the reason is on the member).</summary>
    Skipped,

    /// <summary>The incoming state was older than what is stored: ignored.</summary>
    Stale,
}
