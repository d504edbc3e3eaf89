using System.Text.Json;
using Azure;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Functions.Hosting.Http;
using CoworkSync.Messaging.Events;
using CoworkSync.Platforms.Coworks;
using Microsoft.Extensions.Options;

namespace CoworkSync.Functions.CoworksWebhook;

/// <summary>
/// <c>POST /api/webhooks/coworks/{connectorId}</c>: checks the signature over the raw bytes before anything else reads
/// them, then enqueues the event. 202 once durably enqueued; 200 for an event id already accepted; 401 bad signature;
/// 400 malformed or another space's; 404 unknown connector; 413 too large; 503 when the queue cannot take it.
/// Nothing is enqueued unless the answer is 202, and the Coworks API is never called here.
/// </summary>
public static partial class CoworksWebhookFunction
{
    public const string FunctionName = "CoworksWebhook";
    public const string SignatureHeader = "X-Coworks-Signature";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/webhooks/coworks/{connectorId}", ReceiveAsync).AsFunction(FunctionName, FunctionAuthLevel.Anonymous);

    private static async Task<IResult> ReceiveAsync(
        string connectorId,
        HttpRequest request,
        ConnectorStore connectors,
        ConnectorSecrets secrets,
        AcceptedWebhookStore accepted,
        IEventPublisher publisher,
        IOptions<WebhookOptions> options,
        IOptions<CoworksWebhookOptions> coworksOptions,
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
            if (connector is null || connector.Platform != PlatformNames.Coworks || connector.Coworks is null)
                return WebhookAnswers.Problem(StatusCodes.Status404NotFound, "Unknown connector", $"There is no Coworks connector '{connectorId}'.");

            var now = time.GetUtcNow();
            var webhookSecrets = await secrets.GetWebhookSecretsAsync(connector, cancellationToken);
            if (webhookSecrets.Count == 0)
                return WebhookAnswers.Problem(StatusCodes.Status401Unauthorized, "Invalid signature", "The connector has no webhook secret yet, so no signature can be valid.");
            var signature = CoworksSignature.Verify(body, request.Headers[SignatureHeader], webhookSecrets, now, coworksOptions.Value.SignatureTolerance);
            if (signature != CoworksSignatureResult.Valid)
            {
                LogRejected(logger, connectorId, signature);
                return WebhookAnswers.Problem(StatusCodes.Status401Unauthorized, "Invalid signature", $"The {SignatureHeader} header is {Describe(signature)}.");
            }

            CoworksWebhookEvent webhook;
            try
            {
                webhook = CoworksWebhookParser.Parse(body);
            }
            catch (CoworksPayloadException ex)
            {
                return WebhookAnswers.Problem(StatusCodes.Status400BadRequest, "Malformed webhook", ex.Message);
            }
            if (webhook.SpaceId != connector.Coworks.SpaceId)
                return WebhookAnswers.Problem(StatusCodes.Status400BadRequest, "Wrong space", $"The event is for space '{webhook.SpaceId}', not this connector's.");

            if (await accepted.WasAcceptedAsync(connectorId, webhook.Id, cancellationToken))
                return Results.Ok(new { eventId = webhook.Id });

            using var document = JsonDocument.Parse(body);
            var envelope = new EventEnvelope
            {
                Id = webhook.Id,
                Type = CoworksWebhookEventHandler.Type,
                ConnectorId = connectorId,
                OccurredAt = webhook.CreatedAt,
                Payload = document.RootElement.Clone(),
            };
            await publisher.PublishAsync(envelope, PublishOptions.First(envelope), cancellationToken);
            await RecordAcceptedAsync(accepted, connectorId, webhook.Id, now, logger, cancellationToken);
            LogAccepted(logger, webhook.Id, connectorId, webhook.TypeName);
            return Results.Accepted(value: new { eventId = webhook.Id });
        }
        catch (Exception ex) when (WebhookAnswers.IsOutage(ex))
        {
            LogUnavailable(logger, ex, connectorId);
            return WebhookAnswers.Unavailable();
        }
    }

    private static async Task RecordAcceptedAsync(AcceptedWebhookStore accepted, string connectorId, string eventId, DateTimeOffset now, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await accepted.RecordAsync(connectorId, eventId, now, cancellationToken);
        }
        catch (RequestFailedException ex)
        {
            // The event is enqueued; a retry by Coworks is then enqueued again, and applied once.
            LogNotRecorded(logger, ex, eventId, connectorId);
        }
    }

    private static string Describe(CoworksSignatureResult result) => result switch
    {
        CoworksSignatureResult.Missing => "missing",
        CoworksSignatureResult.Malformed => "malformed (expected t=<unix seconds>,v1=<hex>)",
        CoworksSignatureResult.Stale => "outside the allowed time window",
        _ => "not a valid signature of this body",
    };

    [LoggerMessage(EventId = 750, EventName = "CoworksWebhookAccepted", Level = LogLevel.Information, Message = "Accepted Coworks webhook {EventId} ({WebhookType}) for connector {ConnectorId}")]
    private static partial void LogAccepted(ILogger logger, string eventId, string connectorId, string webhookType);

    [LoggerMessage(EventId = 751, EventName = "CoworksWebhookRejected", Level = LogLevel.Warning, Message = "Rejected a Coworks webhook for connector {ConnectorId}: signature {SignatureResult}")]
    private static partial void LogRejected(ILogger logger, string connectorId, CoworksSignatureResult signatureResult);

    [LoggerMessage(EventId = 752, EventName = "CoworksWebhookUnavailable", Level = LogLevel.Error, Message = "Could not accept a Coworks webhook for connector {ConnectorId}: storage or queue unavailable")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string connectorId);

    [LoggerMessage(EventId = 753, EventName = "CoworksWebhookNotRecorded", Level = LogLevel.Warning, Message = "Coworks webhook {EventId} for connector {ConnectorId} was enqueued but not recorded as accepted")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception, string eventId, string connectorId);
}
