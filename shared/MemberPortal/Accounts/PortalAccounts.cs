using CoworkSync.Connectors.Seam;
using CoworkSync.Members.WelcomeEmails;
using CoworkSync.NetworkAccess;
using CoworkSync.Outcomes;
using Microsoft.Extensions.Options;

namespace CoworkSync.MemberPortal.Accounts;

/// <summary>What a signed-in member reads about their own accounts: one, or all they proved to be.</summary>
public sealed class PortalAccounts(OwnAccounts own, UsageDetails usage, PlatformRegistry platforms, IOptions<EmailOptions> email)
{
    /// <summary>Every account the session proved, in the order proved; those no longer there are left out.</summary>
    public async Task<IReadOnlyList<PortalAccount>> ListAsync(IReadOnlyCollection<ProvenMember> proven, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proven);
        var found = new List<PortalAccount>();
        foreach (var identity in proven)
        {
            var outcome = await GetAsync(proven, identity.ConnectorId, identity.MemberId, cancellationToken);
            if (outcome.Succeeded)
                found.Add(outcome.Value!);
        }
        return found;
    }

    /// <summary>One account of the member's; not found (<see cref="OwnAccounts.NotYours"/>) when the ids are not theirs.</summary>
    public async Task<Outcome<PortalAccount>> GetAsync(IReadOnlyCollection<ProvenMember> proven, string? connectorId, string? memberId, CancellationToken cancellationToken)
    {
        if (await own.FindAsync(proven, connectorId, memberId, cancellationToken) is not { } found)
            return Outcome<PortalAccount>.NotFound(OwnAccounts.NotYours);
        var (connector, member, account) = (found.Connector, found.Member, found.Account);
        var platform = platforms.Find(connector.Platform);
        var facts = platform is null ? [] : await platform.Views.MemberFactsAsync(connector, member.Platform.MemberId, cancellationToken);

        PortalWifi? wifi = null;
        AccountUsage? used = null;
        if (account is not null)
        {
            used = account.Enabled ? await usage.ForAsync(account, cancellationToken) : null;
            var location = found.Location;
            wifi = new PortalWifi(account.Username, location?.NetworkName ?? email.Value.NetworkName, location?.Name ?? connector.DisplayName,
                location?.ServerCertificateName, account.Enabled, used, used is null ? null : AllowedHoursText.For(used.Access.TimeWindows));
        }
        var zone = used?.Zone ?? TimeZoneInfo.Utc;
        var name = $"{member.Platform.FirstName} {member.Platform.LastName}".Trim();
        return Outcome<PortalAccount>.Done(new PortalAccount(found.Identity, connector.DisplayName, name, member.Platform.PlanName,
            AccountStateText.For(member, account, used?.Summary, zone), wifi, facts));
    }
}
