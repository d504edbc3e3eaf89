using System.Text.RegularExpressions;

namespace CoworkSync.Compare.Proxy;

/// <summary>
/// What one storage request was, from its method, path and headers alone: the table or queue it touched and the kind
/// of operation (point read, query, insert, conditional replace, update, upsert, delete, batch; queue send, receive,
/// delete…). An update carries <c>If-Match: *</c>: it replaces or merges an entity that must exist, unconditionally.
/// </summary>
public static partial class StorageOperation
{
    /// <returns>e.g. <c>("Accounts", "point read", false)</c>; <c>IsWrite</c> for anything that changes state.</returns>
    public static (string Resource, string Kind, bool IsWrite) Classify(bool table, string method, string path, string query, string? ifMatch)
    {
        // Paths are /devstoreaccount1/<rest>.
        var rest = path.TrimStart('/').Split('/', 2) is [_, var tail] ? Uri.UnescapeDataString(tail) : "";
        return table ? Table(method, rest, query, ifMatch) : Queue(method, rest, query);
    }

    private static (string, string, bool) Table(string method, string rest, string query, string? ifMatch)
    {
        if (rest.StartsWith("$batch", StringComparison.Ordinal))
            return ("(batch)", "batch", true);
        if (rest.StartsWith("Tables", StringComparison.Ordinal))
            return ("(tables)", method == "GET" ? "list/check" : "create", method != "GET");
        var match = Entity().Match(rest);
        var name = match.Success ? match.Groups[1].Value : rest.TrimEnd('(', ')');
        var point = match.Success && match.Groups[2].Value.Contains("RowKey", StringComparison.Ordinal);
        return method switch
        {
            "GET" when point => (name, "point read", false),
            "GET" when query.Contains("PartitionKey%20eq", StringComparison.OrdinalIgnoreCase) || query.Contains("PartitionKey eq", StringComparison.OrdinalIgnoreCase)
                => (name, "query (one partition)", false),
            "GET" => (name, "query (scan)", false),
            "POST" => (name, "insert", true),
            "PUT" => (name, ifMatch switch { null => "upsert (replace)", "*" => "update (replace)", _ => "conditional replace" }, true),
            "MERGE" or "PATCH" => (name, ifMatch switch { null => "upsert (merge)", "*" => "update (merge)", _ => "conditional merge" }, true),
            "DELETE" => (name, "delete", true),
            _ => (name, method, true),
        };
    }

    private static (string, string, bool) Queue(string method, string rest, string query)
    {
        var parts = rest.Split('/');
        var name = parts[0] + " queue";
        var messages = parts.Length > 1 && parts[1] == "messages";
        return (method, messages) switch
        {
            ("POST", true) => (name, "send", true),
            ("GET", true) => (name, query.Contains("peekonly", StringComparison.OrdinalIgnoreCase) ? "peek" : "receive", false),
            ("DELETE", true) => (name, parts.Length > 2 ? "delete message" : "clear", true),
            ("PUT", true) => (name, "update message", true),
            ("GET", false) => (name, "properties", false),
            ("PUT", false) => (name, "create", true),
            _ => (name, method, method != "GET" && method != "HEAD"),
        };
    }

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9]*)\((.*)\)$", RegexOptions.Singleline)]
    private static partial Regex Entity();
}
