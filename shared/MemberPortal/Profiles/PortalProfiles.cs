using CoworkSync.Connectors.Seam;
using CoworkSync.MemberPortal.Accounts;
using CoworkSync.Members.WelcomeEmails;
using CoworkSync.Outcomes;
using Microsoft.Extensions.Options;

namespace CoworkSync.MemberPortal.Profiles;

/// <summary>The Apple configuration profile of one of the member's own accounts.</summary>
public sealed class PortalProfiles(OwnAccounts own, IOptions<EmailOptions> email)
{
    public async Task<Outcome<WifiProfile>> AppleAsync(IReadOnlyCollection<ProvenMember> proven, string? connectorId, string? memberId, CancellationToken cancellationToken)
    {
        var found = await own.FindAsync(proven, connectorId, memberId, cancellationToken);
        if (found is null)
            return Outcome<WifiProfile>.NotFound(OwnAccounts.NotYours);
        if (found.Account is not { } account)
            return Outcome<WifiProfile>.Conflict("You have no WiFi account here.");
        var location = found.Location;
        var network = location?.NetworkName ?? email.Value.NetworkName;
        var bytes = AppleWifiProfile.Generate(new WifiProfileRequest(found.Connector.Id, location?.Id ?? "all", found.Connector.DisplayName, network,
            account.Username, location?.ServerCertificateName));
        return Outcome<WifiProfile>.Done(new WifiProfile(bytes, AppleWifiProfile.ContentType, AppleWifiProfile.FileName(network)));
    }
}

/// <param name="Content">The file.</param>
/// <param name="ContentType">Its media type.</param>
/// <param name="FileName">The name to save it as.</param>
public sealed record WifiProfile(byte[] Content, string ContentType, string FileName);
