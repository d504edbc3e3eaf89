using System.Text.Json;

namespace CoworkSync.Platforms.Cobot;

/// <summary>
/// Which membership a Cobot webhook body is about. Most events send <c>{"url": "{api}/api/memberships/{id}"}</c>
/// (<see cref="CobotWebhookUrl"/>); deletion events (<c>deleted_membership</c>) send the deleted object instead, whose
/// <c>id</c> must look like a membership id. Nothing else in the body is read: the handler re-reads the membership.
/// </summary>
public static class CobotWebhookBody
{
    /// <returns>
    /// The membership and its URL on the connector's host; or null, with <c>Malformed</c> true when the body is neither
    /// shape, false when it has a shape but points elsewhere (another host or resource, an id that is no id).
    /// </returns>
    public static (CobotWebhookEvent? Hint, bool Malformed) Read(byte[] body, Uri apiBaseUrl)
    {
        // The JSON reader checks a string's UTF-8 only when the string is read, which would throw past the caller.
        if (!System.Text.Unicode.Utf8.IsValid(body))
            return (null, true);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return (null, true);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return (null, true);
            if (root.TryGetProperty("url", out var url))
            {
                if (url.ValueKind != JsonValueKind.String)
                    return (null, true);
                return CobotWebhookUrl.TryGetMembershipId(url.GetString(), apiBaseUrl, out var fromUrl)
                    ? (new CobotWebhookEvent(fromUrl, url.GetString()!), false)
                    : (null, false);
            }
            if (root.TryGetProperty("id", out var id))
            {
                var text = id.ValueKind switch
                {
                    JsonValueKind.String => id.GetString(),
                    JsonValueKind.Number when id.TryGetInt64(out var number) && number >= 0 => id.GetRawText(),
                    _ => null,
                };
                return CobotWebhookUrl.IsMembershipId(text)
                    ? (new CobotWebhookEvent(text!, CobotWebhookUrl.For(apiBaseUrl, text!)), false)
                    : (null, false);
            }
            return (null, true);
        }
    }
}
