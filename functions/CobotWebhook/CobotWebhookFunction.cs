using System.Security.Cryptography;
using System.Text;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Functions.Hosting.Http;
using CoworkSync.Messaging.Events;
using CoworkSync.Platforms.Cobot;
using Microsoft.Extensions.Options;

namespace CoworkSync.Functions.CobotWebhook;

/// <summary>
/// <c>POST /api/webhooks/cobot/{connectorId}/{callbackToken}</c> with <c>{"url":"…"}</c>, or, for deletion events,
/// the deleted membership itself (its <c>id</c>). Cobot does not sign webhooks, so the body is only a hint: the token
/// in the URL is compared in constant time (401), the URL must be a membership on the connector's own API host or the
/// id a membership id (400), then the membership id is enqueued (202) and the handler re-reads it from Cobot with the
/// connector's token (a 404 there: the membership is gone). 404 unknown connector; 413 too large; 503 when the queue cannot take it.
/// Nothing is enqueued unless the answer is 202, and Cobot is never called here.
/// </summary>
public static partial class CobotWebhookFunction
{
    public const string FunctionName = "CobotWebhook";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/webhooks/cobot/{connectorId}/{callbackToken}", ReceiveAsync).AsFunction(FunctionName, FunctionAuthLevel.Anonymous);

    private static async Task<IResult> ReceiveAsync(
        string connectorId,
        string callbackToken,
        HttpRequest request,
        ConnectorStore connectors,
        ConnectorSecrets secrets,
        IEventPublisher publisher,
        IOptions<WebhookOptions> options,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(FunctionName);
        var body = await BoundedBody.ReadAsync(request, options.Value.MaxBodyBytes, cancellationToken);
        if (body is null)
            return WebhookAnswers.TooLarge(options.Value.MaxBodyBytes);
        try
        {
            var connector = await connectors.GetAsync(connectorId, cancellationToken);
            if (connector is null || connector.Platform != PlatformNames.Cobot || connector.Cobot is null)
                return WebhookAnswers.Problem(StatusCodes.Status404NotFound, "Unknown connector", $"There is no Cobot connector '{connectorId}'.");

            var expected = await secrets.GetAsync(ConnectorSecretNames.CobotCallbackToken(connectorId), cancellationToken);
            if (expected is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(callbackToken), Encoding.UTF8.GetBytes(expected)))
            {
                LogRejected(logger, connectorId, "callback token");
                return WebhookAnswers.Problem(StatusCodes.Status401Unauthorized, "Invalid callback token", "The webhook URL's token is not this connector's.");
            }

            var (hint, malformed) = CobotWebhookBody.Read(body, connector.Cobot.ApiBaseUrl);
            if (malformed)
                return WebhookAnswers.Problem(StatusCodes.Status400BadRequest, "Malformed webhook",
                    "The body must be a JSON object with a \"url\" string, or the deleted membership with its \"id\".");
            if (hint is null)
            {
                LogRejected(logger, connectorId, "resource");
                return WebhookAnswers.Problem(StatusCodes.Status400BadRequest, "Unknown resource",
                    "The url must point at a membership on this connector's Cobot API host, or the id must be a membership id.");
            }

            var envelope = CobotWebhookEvent.Envelope(connectorId, hint, time.GetUtcNow());
            await publisher.PublishAsync(envelope, PublishOptions.First(envelope), cancellationToken);
            LogAccepted(logger, envelope.Id, connectorId, hint.MembershipId);
            return Results.Accepted(value: new { eventId = envelope.Id });
        }
        catch (Exception ex) when (WebhookAnswers.IsOutage(ex))
        {
            LogUnavailable(logger, ex, connectorId);
            return WebhookAnswers.Unavailable();
        }
    }

    [LoggerMessage(EventId = 1100, EventName = "CobotWebhookAccepted", Level = LogLevel.Information, Message = "Accepted Cobot webhook {EventId} for membership {MembershipId} of connector {ConnectorId}")]
    private static partial void LogAccepted(ILogger logger, string eventId, string connectorId, string membershipId);

    [LoggerMessage(EventId = 1101, EventName = "CobotWebhookRejected", Level = LogLevel.Warning, Message = "Rejected a Cobot webhook for connector {ConnectorId}: bad {Problem}")]
    private static partial void LogRejected(ILogger logger, string connectorId, string problem);

    [LoggerMessage(EventId = 1102, EventName = "CobotWebhookUnavailable", Level = LogLevel.Error, Message = "Could not accept a Cobot webhook for connector {ConnectorId}: queue unavailable")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string connectorId);
}
