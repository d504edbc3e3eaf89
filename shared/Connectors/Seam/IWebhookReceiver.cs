using CoworkSync.Messaging.Events;

namespace CoworkSync.Connectors.Seam;

/// <summary>
/// The platform's part of its webhooks (<c>POST /api/webhooks/{platform}/{connectorId}/…</c>): verifying a delivery
/// and reading it into the event to queue. The generic part bounds the body, finds the connector, answers repeats,
/// queues the event and answers; the platform never calls its API here.
/// </summary>
public interface IWebhookReceiver
{
    /// <summary>How many path segments follow the connector id in the platform's webhook URL (a token in the URL: 1); any other number is not found.</summary>
    int PathSegments { get; }

    /// <summary>Verifies the delivery and reads the event in it, or says precisely why it is refused.</summary>
    Task<WebhookReceipt> ReceiveAsync(WebhookDelivery delivery, CancellationToken cancellationToken);
}

/// <summary>One webhook request, as far as the platform needs it.</summary>
/// <param name="Connector">The connector it is for, one of the platform's.</param>
/// <param name="Body">The raw body, as signed.</param>
/// <param name="Header">A request header's value (several joined by commas); null when absent.</param>
/// <param name="Path">The URL's segments after the connector id, <see cref="IWebhookReceiver.PathSegments"/> of them.</param>
/// <param name="ReceivedAt">When it arrived.</param>
public sealed record WebhookDelivery(Connector Connector, byte[] Body, Func<string, string?> Header, IReadOnlyList<string> Path, DateTimeOffset ReceivedAt);

/// <summary>What the platform made of a webhook: the event to queue, or the answer that refuses it.</summary>
/// <param name="Event">The event to queue; null when refused.</param>
/// <param name="IdIsThePlatforms">
/// The event's id is the platform's own: a delivery of an id already accepted is answered 200 and not queued again.
/// </param>
/// <param name="Status">The refusal's HTTP status (401 not verified, 400 unreadable or not this connector's); 0 when accepted.</param>
/// <param name="Title">The refusal's title.</param>
/// <param name="Detail">What is wrong, for whoever sent it (never a secret).</param>
public sealed record WebhookReceipt(EventEnvelope? Event, bool IdIsThePlatforms, int Status, string? Title, string? Detail)
{
    public static WebhookReceipt Accept(EventEnvelope envelope, bool idIsThePlatforms) => new(envelope, idIsThePlatforms, 0, null, null);

    public static WebhookReceipt Unauthorized(string title, string detail) => new(null, false, 401, title, detail);

    public static WebhookReceipt BadRequest(string title, string detail) => new(null, false, 400, title, detail);
}
