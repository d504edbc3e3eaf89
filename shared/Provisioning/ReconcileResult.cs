namespace CoworkSync.Provisioning;

/// <param name="Outcome">What changed.</param>
/// <param name="Member">The member as stored afterwards.</param>
/// <param name="Account">The account afterwards, if the member has one.</param>
/// <param name="MemberWritten">False when nothing about the member changed but the sync that saw it, so the row was not rewritten.</param>
public sealed record ReconcileResult(ReconcileOutcome Outcome, MemberRecord Member, WifiAccount? Account, bool MemberWritten = true);
