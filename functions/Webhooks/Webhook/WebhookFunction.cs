using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Functions.Hosting.Http;
using CoworkSync.Messaging.Counters;
using CoworkSync.Messaging.Events;
using Microsoft.Extensions.Options;

namespace CoworkSync.Functions.Webhooks.Webhook;

/// <summary>
/// <c>POST /api/webhooks/{platform}/{connectorId}[/…]</c>, every platform's webhooks: the platform verifies and reads
/// the delivery (<see cref="IWebhookReceiver"/>), this function does the rest. 404 for an unknown platform or a URL of
/// another shape (an empty answer, as for any unknown route); 413 too large; 404 unknown connector (or another
/// platform's); the platform's 401 (not verified) or 400 (unreadable, not this connector's); 200 for an event id the
/// platform gave that this instance accepted lately (<see cref="AcceptedWebhooks"/>, from memory); 202 once
/// durably enqueued; 503 when storage or the queue cannot take it. Nothing is enqueued unless the answer is 202, and the
/// platform's API is never called here. The connector comes from <see cref="ConnectorCache"/>: the one durable write
/// of an accepted webhook is its enqueue.
/// </summary>
public static partial class WebhookFunction
{
    public const string FunctionName = "Webhook";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/webhooks/{platform}/{connectorId}/{*rest}", ReceiveAsync).AsFunction(FunctionName, FunctionAuthLevel.Anonymous);

    private static async Task<IResult> ReceiveAsync(
        string platform,
        string connectorId,
        string? rest,
        HttpRequest request,
        PlatformRegistry platforms,
        ConnectorCache connectors,
        AcceptedWebhooks accepted,
        IEventPublisher publisher,
        IOptions<WebhookOptions> options,
        TimeProvider time,
        ILoggerFactory loggers,
        EventCounters counters,
        CancellationToken cancellationToken)
    {
        var receiver = platforms.Find(platform);
        string[] path = rest?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (receiver is null || path.Length != receiver.Webhooks.PathSegments)
            return Results.NotFound();

        var logger = loggers.CreateLogger(FunctionName);
        var body = await BoundedBody.ReadAsync(request, options.Value.MaxBodyBytes, cancellationToken);
        if (body is null)
            return WebhookAnswers.TooLarge(options.Value.MaxBodyBytes);
        try
        {
            var connector = await connectors.GetAsync(connectorId, cancellationToken);
            if (connector is null || connector.Platform != receiver.Name || connector.PlatformSettings is null)
                return WebhookAnswers.Problem(StatusCodes.Status404NotFound, "Unknown connector", $"There is no {receiver.DisplayName} connector '{connectorId}'.");

            var now = time.GetUtcNow();
            var receipt = await receiver.Webhooks.ReceiveAsync(new WebhookDelivery(connector, body, name => request.Headers[name], path, now), cancellationToken);
            if (receipt.Event is not { } envelope)
                return WebhookAnswers.Problem(receipt.Status, receipt.Title!, receipt.Detail!);

            var admission = receipt.IdIsThePlatforms ? await accepted.AdmitAsync(connectorId, envelope.Id, cancellationToken) : null;
            if (admission is { IsDuplicate: true })
                return Results.Ok(new { eventId = envelope.Id });
            try
            {
                await publisher.PublishAsync(envelope, PublishOptions.First(envelope), cancellationToken);
            }
            catch
            {
                admission?.Failed();
                throw;
            }
            admission?.Accepted();
            LogAccepted(logger, receiver.DisplayName, envelope.Id, connectorId, envelope.Type);
            counters.Count(EventOutcome.Accepted);
            return Results.Accepted(value: new { eventId = envelope.Id });
        }
        catch (Exception ex) when (WebhookAnswers.IsOutage(ex))
        {
            LogUnavailable(logger, ex, receiver.DisplayName, connectorId);
            return WebhookAnswers.Unavailable();
        }
    }

    [LoggerMessage(EventId = 1500, EventName = "WebhookAccepted", Level = LogLevel.Debug, Message = "Accepted {Platform} webhook {EventId} ({EventType}) for connector {ConnectorId}")]
    private static partial void LogAccepted(ILogger logger, string platform, string eventId, string connectorId, string eventType);

    [LoggerMessage(EventId = 1501, EventName = "WebhookUnavailable", Level = LogLevel.Error, Message = "Could not accept a {Platform} webhook for connector {ConnectorId}: storage or queue unavailable")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string platform, string connectorId);
}
