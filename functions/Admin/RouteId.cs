namespace CoworkSync.Functions.Admin;

/// <summary>
/// An id taken from a route segment. The server decodes every escape in the path except <c>%2F</c>, which it keeps so
/// that segments stay apart; an id may contain <c>/</c>, so that escape is decoded here.
/// </summary>
public static class RouteId
{
    public static string Decode(string segment) => segment.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
}
