using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CoworkSync.Compare.Seed;

namespace CoworkSync.Compare.Load;

/// <summary>
/// A signed Coworks webhook for a generated member, in the documented wire format (docs/connectors/coworks.md): the
/// same content coworks-webhook.lua builds, signed <c>t=&lt;unix&gt;,v1=&lt;hex HMAC-SHA256 of "t.body"&gt;</c>.
/// </summary>
public static class CoworksWebhook
{
    public const string SignatureHeader = "X-Coworks-Signature";

    public static HttpRequestMessage Request(string connectorId, string spaceId, string type, string eventId, string prefix, int index, string secret)
    {
        var now = DateTimeOffset.UtcNow;
        var id = BenchMembers.Id(prefix, index);
        var member = new Dictionary<string, object?>
        {
            ["id"] = id,
            ["first_name"] = "Bench",
            ["last_name"] = "Member " + index.ToString(CultureInfo.InvariantCulture),
            ["email"] = $"{id}@{BenchMembers.Domain}",
            ["status"] = "active",
            ["location_id"] = BenchMembers.LocationId,
            ["updated_at"] = BenchMembers.UpdatedAt,
        };
        var membership = new Dictionary<string, object?>
        {
            ["id"] = "ms_" + id,
            ["status"] = "active",
            ["plan"] = new Dictionary<string, string> { ["id"] = BenchMembers.PlanId, ["name"] = BenchMembers.PlanName },
            ["starts_on"] = BenchMembers.StartsOn,
            ["ends_on"] = null,
            ["billing_cycle_anchor"] = BenchMembers.StartsOn,
        };
        var body = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["id"] = eventId,
            ["type"] = type,
            ["created_at"] = now.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["space_id"] = spaceId,
            ["data"] = new Dictionary<string, object> { ["member"] = member, ["membership"] = membership },
        });
        var bytes = Encoding.UTF8.GetBytes(body);
        var t = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(t + "." + body)));
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/coworks/{connectorId}") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(SignatureHeader, $"t={t},v1={signature}");
        return request;
    }
}
