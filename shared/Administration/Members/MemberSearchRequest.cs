namespace CoworkSync.Administration.Members;

/// <summary>What to look for, as the console's search form sends it.</summary>
/// <param name="Text">A name (or its start), an email, a member id or a WiFi user name.</param>
/// <param name="By">What <paramref name="Text"/> is: <c>any</c> (decided from the text), <c>name</c>, <c>email</c>, <c>member</c> or <c>username</c>; null is <c>any</c>.</param>
/// <param name="ConnectorId">Only this connector's members; null for every connector.</param>
/// <param name="PageSize">At most this many members (1-100; 20 when null).</param>
/// <param name="After">The <see cref="MemberSearchView.Next"/> of the page before.</param>
public sealed record MemberSearchRequest(string? Text, string? By = null, string? ConnectorId = null, int? PageSize = null, string? After = null);
