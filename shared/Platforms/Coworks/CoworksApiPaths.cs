using System.Globalization;

namespace CoworkSync.Platforms.Coworks;

/// <summary>The Coworks API's routes, relative to the connection's base URL (which may itself have a path).</summary>
internal static class CoworksApiPaths
{
    public static Uri Members(CoworksConnection connection, int page, int perPage) =>
        Build(connection, "members", string.Create(CultureInfo.InvariantCulture, $"?page={page}&per_page={perPage}"));

    public static Uri Member(CoworksConnection connection, string memberId) =>
        Build(connection, "members/" + Uri.EscapeDataString(memberId), "");

    public static Uri Plans(CoworksConnection connection) => Build(connection, "plans", "");

    /// <summary><c>scheme://host:port</c> of the API, for messages (without any user info the URL might carry).</summary>
    public static string Origin(CoworksConnection connection) => $"{connection.ApiBaseUrl.Scheme}://{connection.ApiBaseUrl.Authority}";

    private static Uri Build(CoworksConnection connection, string resource, string query)
    {
        var root = connection.ApiBaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return new Uri($"{root}/v1/spaces/{Uri.EscapeDataString(connection.SpaceId)}/{resource}{query}");
    }
}
