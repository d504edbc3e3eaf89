using System.Globalization;

namespace CoworkSync.Platforms.Cobot;

/// <summary>
/// Cobot documents API1 lists as one bare array, without paging. Should an answer say it is one page of a longer list
/// (the paging headers Rails APIs send: <c>Link</c> with <c>rel="next"</c>, a total above the items it holds, a next
/// page), reading it as the whole list would take everyone on the other pages as gone: it is refused instead.
/// </summary>
public static class CobotListPaging
{
    private static readonly string[] TotalHeaders = ["Total", "X-Total-Count", "X-Total"];

    /// <returns>What says the answer is a page (for the error), or null.</returns>
    public static string? PageSign(HttpResponseMessage response, int items)
    {
        var headers = response.Headers;
        if (headers.TryGetValues("Link", out var links)
            && links.Select(l => l.Replace(" ", "", StringComparison.Ordinal)).Any(l => l.Contains("rel=\"next\"", StringComparison.OrdinalIgnoreCase) || l.Contains("rel=next", StringComparison.OrdinalIgnoreCase)))
            return "a Link to the next page";
        if (headers.TryGetValues("X-Next-Page", out var next) && next.Any(n => !string.IsNullOrWhiteSpace(n)))
            return "an X-Next-Page header";
        foreach (var name in TotalHeaders)
        {
            if (headers.TryGetValues(name, out var values) && values.Any(v => long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var total) && total > items))
                return $"{name} above the {items} items it holds";
        }
        return null;
    }
}
