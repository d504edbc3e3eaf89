namespace CoworkSync.Members.Provisioning;

/// <summary>What creating one member came to (<see cref="MemberCreator"/>): its result, or the error that stopped it.</summary>
/// <param name="Request">The member as asked.</param>
/// <param name="Result">What was stored; null when <paramref name="Error"/> stopped it.</param>
/// <param name="Error">Why the member was not created (the next run tries again); null when it was.</param>
public sealed record MemberCreation(ReconcileRequest Request, ReconcileResult? Result, Exception? Error);
