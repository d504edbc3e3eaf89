namespace CoworkSync.NetworkAccess;

/// <summary>A member's connected time in their current billing cycle, as the admin API shows it.</summary>
/// <param name="CycleStart">When the current billing cycle began.</param>
/// <param name="CycleEnd">When it ends.</param>
/// <param name="UsedSeconds">The connected seconds charged to it so far.</param>
/// <param name="HoursPerCycle">The allowance of the account's groups; null when unlimited.</param>
/// <param name="RemainingSeconds">What is left of the allowance (never below zero); null when unlimited.</param>
/// <param name="OpenSessions">The sessions not closed yet.</param>
public sealed record UsageSummary(
    DateTimeOffset CycleStart,
    DateTimeOffset CycleEnd,
    long UsedSeconds,
    double? HoursPerCycle,
    long? RemainingSeconds,
    int OpenSessions);
