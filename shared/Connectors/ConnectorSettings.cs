namespace CoworkSync.Connectors;

/// <summary>What an operator decides per connector about provisioning.</summary>
public sealed record ConnectorSettings
{
    /// <summary>Create accounts for members who should have one. Off: an operator creates or links them.</summary>
    public bool AutoProvision { get; init; } = true;

    /// <summary>Disable the account when the membership ends. Off: the account stays and the sync run flags it.</summary>
    public bool AutoDeprovision { get; init; } = true;

    public int SyncIntervalMinutes { get; init; } = 15;

    public bool SendWelcomeEmail { get; init; } = true;

    /// <summary>Members may connect at every location of the connector, not only their own.</summary>
    public bool AllowAllLocations { get; init; }
}
