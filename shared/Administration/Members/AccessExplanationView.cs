namespace CoworkSync.Administration.Members;

/// <summary>"Why can't they connect?": what RADIUS authorize would answer the member's account, check by check.</summary>
/// <param name="ConnectorId">The member's connector.</param>
/// <param name="MemberId">The member.</param>
/// <param name="Username">Their WiFi user name; null when they have no account.</param>
/// <param name="NasIdentifier">The access point asked about.</param>
/// <param name="At">The moment decided for.</param>
/// <param name="TimeZone">The zone <paramref name="LocalTime"/> is in: the access point's location's, else the member's.</param>
/// <param name="LocalTime">The moment at that location, <c>yyyy-MM-ddTHH:mm</c>.</param>
/// <param name="Decision"><c>accept</c>, <c>reject</c>, or <c>no account</c> (authorize does not know the user: FreeRADIUS rejects).</param>
/// <param name="ReplyMessage">The <c>Reply-Message</c> a rejected device is sent.</param>
/// <param name="Checks">Every check authorize makes, in its order: <c>passed</c>, <c>failed</c> (the one that decided) or <c>not checked</c>.</param>
/// <param name="Reply">The attributes an Access-Accept sends, by name; the password is sent too, and never shown.</param>
public sealed record AccessExplanationView(
    string ConnectorId,
    string MemberId,
    string? Username,
    string NasIdentifier,
    DateTimeOffset At,
    string TimeZone,
    string LocalTime,
    string Decision,
    string? ReplyMessage,
    IReadOnlyList<AccessCheckView> Checks,
    IReadOnlyDictionary<string, string>? Reply)
{
    public const string Accept = "accept";
    public const string Reject = "reject";
    public const string NoAccount = "no account";
}

/// <param name="Check">The check's name (<c>account</c>, <c>enabled</c>, <c>space</c>, <c>accessPoint</c>, <c>location</c>, <c>groups</c>, <c>timeWindow</c>, <c>hours</c>, <c>devices</c>).</param>
/// <param name="Question">What it asks, in words.</param>
/// <param name="Result"><c>passed</c>, <c>failed</c> or <c>not checked</c>.</param>
/// <param name="Detail">What it found; null when not checked.</param>
public sealed record AccessCheckView(string Check, string Question, string Result, string? Detail)
{
    public const string Passed = "passed";
    public const string Failed = "failed";
    public const string NotChecked = "not checked";
}
