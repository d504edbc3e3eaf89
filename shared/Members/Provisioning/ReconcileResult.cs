using CoworkSync.Members.Accounts;
using CoworkSync.Members.Records;
namespace CoworkSync.Members.Provisioning;

/// <param name="Outcome">What changed.</param>
/// <param name="Member">The member as stored afterwards.</param>
/// <param name="Account">The account afterwards, if the member has one.</param>
public sealed record ReconcileResult(ReconcileOutcome Outcome, MemberRecord Member, WifiAccount? Account);
