using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Members.Accounts;
using CoworkSync.Members.Records;

namespace CoworkSync.MemberPortal.Accounts;

/// <summary>
/// The one gate of the member portal: a connector and member id named in a page's address or a form are read only when
/// the signed-in person proved to be that member (<see cref="ProvenMember"/>, from their session). Anything else
/// answers as if nothing were there, so an edited id reveals neither that the member exists nor anything of theirs.
/// </summary>
public sealed class OwnAccounts(MemberStore members, AccountStore accounts, ConnectorCache connectors)
{
    /// <summary>What the portal answers for an id that is not the member's, or not there: the same words for both.</summary>
    public const string NotYours = "You have no account at this address. Go back to your accounts and choose one there.";

    /// <summary>Whether the session proved to be <paramref name="memberId"/> of <paramref name="connectorId"/>.</summary>
    public static bool Proves(IEnumerable<ProvenMember> proven, string? connectorId, string? memberId) =>
        proven.Any(p => string.Equals(p.ConnectorId, connectorId, StringComparison.Ordinal) && string.Equals(p.MemberId, memberId, StringComparison.Ordinal));

    /// <summary>The member, their connector and their account (null when none); null when not theirs or not there.</summary>
    public async Task<OwnAccount?> FindAsync(IReadOnlyCollection<ProvenMember> proven, string? connectorId, string? memberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proven);
        if (connectorId is null || memberId is null || !Proves(proven, connectorId, memberId))
            return null;
        var member = await members.GetAsync(connectorId, memberId, cancellationToken);
        var connector = member is null ? null : await connectors.GetAsync(connectorId, cancellationToken);
        if (member is null || connector is null)
            return null;
        var account = member.Username is { } username ? await accounts.GetAsync(username, cancellationToken) : null;
        // An account the member's record names but that belongs to someone else (relinked since) is not theirs.
        return new OwnAccount(new ProvenMember(connectorId, memberId), connector, member, account?.BelongsTo(connectorId, memberId) == true ? account : null);
    }
}

/// <param name="Identity">Whose it is.</param>
/// <param name="Connector">The member's connector.</param>
/// <param name="Member">The member as CoworkSync holds them.</param>
/// <param name="Account">Their WiFi account; null when none.</param>
public sealed record OwnAccount(ProvenMember Identity, Connector Connector, MemberRecord Member, WifiAccount? Account)
{
    /// <summary>The member's location: their own, else the connector's first.</summary>
    public ConnectorLocation? Location => MemberLocation.Of(Connector, Account?.LocationId ?? Member.Platform.LocationId);
}
