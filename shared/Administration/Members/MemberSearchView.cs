namespace CoworkSync.Administration.Members;

/// <summary>One page of a member search.</summary>
/// <param name="Text">What was looked for.</param>
/// <param name="Searched">What it was taken for, in words ("a name", "an email or a WiFi user name", …).</param>
/// <param name="Items">The members found.</param>
/// <param name="Next">Where the next page starts; null on the last page.</param>
public sealed record MemberSearchView(string Text, string Searched, IReadOnlyList<MemberSearchHit> Items, string? Next);

/// <summary>A member found.</summary>
/// <param name="ConnectorId">Their connector.</param>
/// <param name="ConnectorName">Its name for people.</param>
/// <param name="MemberId">Their id at the platform.</param>
/// <param name="Name">First and last name.</param>
/// <param name="Email">Their email.</param>
/// <param name="Status">Their status at the platform, lowercase.</param>
/// <param name="Username">Their WiFi user name; null when they have no account.</param>
/// <param name="Reason">Why they have no access, or what needs an operator.</param>
/// <param name="Gone">The platform no longer lists them.</param>
/// <param name="MatchedBy">What matched: <c>name</c>, <c>email</c>, <c>member id</c> or <c>WiFi user name</c>.</param>
public sealed record MemberSearchHit(
    string ConnectorId, string ConnectorName, string MemberId, string Name, string? Email, string Status, string? Username, string? Reason, bool Gone, string MatchedBy);
