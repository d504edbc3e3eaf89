using System.Text;
using System.Text.RegularExpressions;

namespace CoworkSync.IntegrationTests.Support;

/// <summary>
/// A strict reader of an absolute URI with an authority (RFC 3986: <c>scheme "://" authority path-abempty [ "?" query ]</c>,
/// no fragment), unlike <see cref="Uri"/>, which accepts and mends what RFC 3986 forbids (a literal space, a stray
/// <c>%</c>). Query values are percent-decoded as RFC 3986 has it: <c>+</c> is a plus, a space is <c>%20</c>.
/// </summary>
public sealed partial record StrictUri(string Scheme, string Authority, string Path, string? Query)
{
    private const string Unreserved = @"A-Za-z0-9\-._~";
    private const string SubDelims = @"!$&'()*+,;=";
    private const string PercentEncoded = "%[0-9A-Fa-f]{2}";
    private const string PChar = $"(?:[{Unreserved}{SubDelims}:@]|{PercentEncoded})";
    private const string QueryPattern = $"(?:{PChar}|[/?])*";
    private const string HostPattern = $@"(?:\[[0-9A-Fa-f:.]+\]|(?:[{Unreserved}{SubDelims}]|{PercentEncoded})*)";
    private const string AuthorityPattern = $"(?:(?:[{Unreserved}{SubDelims}:]|{PercentEncoded})*@)?{HostPattern}(?::[0-9]*)?";

    /// <summary>Parses <paramref name="text"/>, or null when it is not such a URI.</summary>
    public static StrictUri? Parse(string text)
    {
        var match = AbsoluteUri().Match(text);
        return match.Success
            ? new StrictUri(match.Groups["scheme"].Value, match.Groups["authority"].Value, match.Groups["path"].Value,
                match.Groups["query"].Success ? match.Groups["query"].Value : null)
            : null;
    }

    /// <summary>The query's <c>name=value</c> pairs, decoded; null when the query is not RFC 3986 or a value is not UTF-8.</summary>
    public static IReadOnlyDictionary<string, string>? ParseQuery(string query)
    {
        if (!QueryOnly().IsMatch(query))
            return null;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = Decode(equals < 0 ? "" : pair[(equals + 1)..]);
            if (name is null || value is null || !parameters.TryAdd(name, value))
                return null;
        }
        return parameters;
    }

    public IReadOnlyDictionary<string, string>? Parameters => Query is null ? new Dictionary<string, string>() : ParseQuery(Query);

    private static string? Decode(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%')
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add((byte)text[i]);
            }
        }
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString([.. bytes]);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    [GeneratedRegex($@"\A(?<scheme>[A-Za-z][A-Za-z0-9+\-.]*)://(?<authority>{AuthorityPattern})(?<path>(?:/{PChar}*)*)(?:\?(?<query>{QueryPattern}))?\z", RegexOptions.CultureInvariant)]
    private static partial Regex AbsoluteUri();

    [GeneratedRegex($@"\A{QueryPattern}\z", RegexOptions.CultureInvariant)]
    private static partial Regex QueryOnly();
}
