using CoworkSync.Access;
using CoworkSync.Connectors;
using CoworkSync.Members.Accounts;

namespace CoworkSync.NetworkAccess;

/// <summary>
/// Everything an authorize decision is made from, as <see cref="AuthorizeFactsReader"/> reads it: the account, its
/// connector, the access its groups give merged, and its usage row in the current billing cycle.
/// </summary>
/// <param name="Account">The account; null when there is none for the user name.</param>
/// <param name="Connector">The account's connector; null when it is gone (or there is no account).</param>
/// <param name="Access">The account's groups merged (<see cref="AccessGroupMerger"/>); <see cref="EffectiveAccess.None"/> when not read.</param>
/// <param name="Usage">
/// The usage row of the cycle containing now; null when the decision does not need it (<see cref="AuthorizeDecision.NeedsUsage"/>)
/// or did not get that far (no account, disabled, no connector).
/// </param>
public sealed record AuthorizeFacts(WifiAccount? Account, Connector? Connector, EffectiveAccess Access, CycleUsage? Usage)
{
    public static AuthorizeFacts NoAccount { get; } = new(null, null, EffectiveAccess.None, null);
}
