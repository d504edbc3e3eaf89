using System.Text.Json;
using System.Text.Json.Nodes;

namespace CoworkSync.Administration.DeadLetters;

/// <summary>
/// What a dead letter's event shows of values that would be secrets: none. Events carry no secret by design (the
/// welcome email event names the account, never its password); should a platform's payload hold one anyway (a
/// property named like a password, secret, token, key, signature, authorization, cookie or credential), its value
/// shows as <see cref="Hidden"/> in the admin API and the console alike. The stored envelope, which a replay
/// re-publishes, is untouched.
/// </summary>
public static class SecretRedaction
{
    public const string Hidden = "(hidden)";

    private static readonly string[] SecretWords = ["password", "passwd", "secret", "token", "apikey", "privatekey", "signature", "authorization", "cookie", "credential"];

    /// <summary>Whether a property of that name holds a secret: its name, without <c>-</c> and <c>_</c>, contains a secret's word.</summary>
    public static bool IsSecretName(string name)
    {
        var plain = name.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        return SecretWords.Any(word => plain.Contains(word, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The JSON with the value of every secret-named property, at any depth, replaced by <see cref="Hidden"/>.</summary>
    public static JsonElement Redact(JsonElement json)
    {
        var node = JsonNode.Parse(json.GetRawText());
        Walk(node);
        return node is null ? json : JsonSerializer.SerializeToElement(node);
    }

    private static void Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (IsSecretName(name) && obj[name] is not null)
                        obj[name] = Hidden;
                    else
                        Walk(obj[name]);
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                    Walk(item);
                break;
        }
    }
}
