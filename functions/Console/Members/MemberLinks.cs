namespace CoworkSync.Functions.Console.Members;

/// <summary>
/// The addresses of the members pages. Ids travel in the query string, escaped, so any id (with <c>/</c>, <c>#</c>,
/// <c>?</c>, spaces) makes a working link.
/// </summary>
public static class MemberLinks
{
    public const string Search = "/console/members";
    public const string Member = "/console/members/member";

    public static string To(string connectorId, string memberId) =>
        $"{Member}?connector={Uri.EscapeDataString(connectorId)}&id={Uri.EscapeDataString(memberId)}";

    public static string SearchFor(string text, string? by, string? connectorId, string? after) =>
        Search + "?q=" + Uri.EscapeDataString(text)
        + (string.IsNullOrEmpty(by) ? "" : "&by=" + Uri.EscapeDataString(by))
        + (string.IsNullOrEmpty(connectorId) ? "" : "&connector=" + Uri.EscapeDataString(connectorId))
        + (after is null ? "" : "&after=" + Uri.EscapeDataString(after));
}
