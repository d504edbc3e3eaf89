using CoworkSync.Members.Accounts;
using CoworkSync.Members.Records;
namespace CoworkSync.Members.Provisioning;

/// <summary>What reconciling one member wants stored, decided from what was stored; the account is already created when one was due.</summary>
/// <param name="Outcome">What reconciling does (or did, for a created account).</param>
/// <param name="Account">The member's account: as read, as created or as adopted; null when they have none.</param>
/// <param name="AccountChange">The account as the decision wants it, when its access must change; null otherwise.</param>
/// <param name="Desired">The member row to store.</param>
/// <param name="IndexKeys">The lookup index keys the row records.</param>
/// <param name="Change">The history's line for the change; null when nothing worth a line changed.</param>
/// <param name="At">When the plan was made: the row's and the history entry's time.</param>
internal sealed record ReconcilePlan(
    ReconcileOutcome Outcome,
    WifiAccount? Account,
    WifiAccount? AccountChange,
    MemberRecord Desired,
    MemberIndexKeys IndexKeys,
    string? Change,
    DateTimeOffset At);
