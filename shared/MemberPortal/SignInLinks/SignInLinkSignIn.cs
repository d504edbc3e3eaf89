using CoworkSync.Connectors.Seam;
using CoworkSync.Members.Records;

namespace CoworkSync.MemberPortal.SignInLinks;

/// <summary>
/// Signing in with an emailed link: uses the link (once) and proves the members it was sent for whose email at their
/// platform is still the address it went to (an address changed since no longer signs that member in).
/// </summary>
public sealed class SignInLinkSignIn(SignInLinkTokens tokens, MemberStore members)
{
    public const string Refused = "This sign-in link does not work: it was used already, it is more than 15 minutes old, or it was not sent by us. " +
        "Ask for a new one below.";

    /// <returns>The members proven and the address; null when the link is refused.</returns>
    public async Task<(IReadOnlyList<ProvenMember> Members, string Email)?> UseAsync(string? token, CancellationToken cancellationToken)
    {
        if (await tokens.ConsumeAsync(token, cancellationToken) is not { } link)
            return null;
        var proven = new List<ProvenMember>();
        foreach (var candidate in link.Members)
        {
            var member = await members.GetAsync(candidate.ConnectorId, candidate.MemberId, cancellationToken);
            if (member?.Platform.Email is { } address && EmailKeys.Normalize(address) == link.Email)
                proven.Add(candidate);
        }
        return proven.Count == 0 ? null : (proven, link.Email);
    }
}
