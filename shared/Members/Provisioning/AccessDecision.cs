namespace CoworkSync.Members.Provisioning;

/// <summary>What a member's account should be, and why, as <see cref="AccessPolicy"/> decides it.</summary>
/// <param name="Enabled">Whether the member may connect now.</param>
/// <param name="Groups">The access groups of an enabled account (empty when not enabled).</param>
/// <param name="MayCreateAccount">Whether a member with no account should get one now.</param>
/// <param name="Reason">Why the member has no access, or why something needs an operator; null when all is well.</param>
/// <param name="Flagged">The decision needs an operator's attention (shown in the sync run).</param>
public sealed record AccessDecision(bool Enabled, IReadOnlyList<string> Groups, bool MayCreateAccount, string? Reason, bool Flagged = false)
{
    public static AccessDecision NoAccess(string reason) => new(false, [], false, reason);
}
