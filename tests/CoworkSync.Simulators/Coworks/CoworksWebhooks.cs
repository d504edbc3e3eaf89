using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using CoworkSync.Platforms.Coworks;

namespace CoworkSync.Simulators.Coworks;

/// <summary>A signed Coworks webhook, ready to POST to the function app.</summary>
/// <param name="Body">The exact bytes that were signed.</param>
/// <param name="SignatureHeader">The <c>X-Coworks-Signature</c> value.</param>
public sealed record CoworksWebhookRequest(string EventId, byte[] Body, string SignatureHeader)
{
    /// <summary><c>POST /api/webhooks/coworks/{connectorId}</c> with the body and the signature header.</summary>
    public HttpRequestMessage ToRequest(string connectorId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/coworks/{Uri.EscapeDataString(connectorId)}")
        {
            Content = new ByteArrayContent(Body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(CoworksSignature.HeaderName, SignatureHeader);
        return request;
    }
}

/// <summary>Builds webhooks as Coworks sends them (documented body, signed header) for a member change.</summary>
public static class CoworksWebhooks
{
    /// <param name="type">e.g. <see cref="CoworksEventTypes.MemberUpdated"/>.</param>
    /// <param name="signedAt">The signature's timestamp; now by default (set it in the past to test staleness).</param>
    /// <param name="createdAt">The event's <c>created_at</c>; the signature's timestamp by default.</param>
    public static CoworksWebhookRequest Build(string spaceId, string type, SimulatedMember member, string secret,
        DateTimeOffset? signedAt = null, string? eventId = null, DateTimeOffset? createdAt = null)
    {
        ArgumentNullException.ThrowIfNull(member);
        var at = signedAt ?? DateTimeOffset.UtcNow;
        var id = eventId ?? "evt_" + Guid.NewGuid().ToString("N")[..16];
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
        {
            ["id"] = id,
            ["type"] = type,
            ["created_at"] = (createdAt ?? at).ToString("O", CultureInfo.InvariantCulture),
            ["space_id"] = spaceId,
            ["data"] = new Dictionary<string, object?>
            {
                ["member"] = CoworksSimulatorJson.Member(member, withMembership: false),
                ["membership"] = CoworksSimulatorJson.Membership(member.Membership),
            },
        });
        return new CoworksWebhookRequest(id, body, CoworksSignature.Sign(body, secret, at));
    }
}
