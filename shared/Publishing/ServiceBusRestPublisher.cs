using System.Net;
using System.Net.Http.Headers;
using Azure.Identity;
using CoworkSync.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace CoworkSync.Publishing;

/// <summary>
/// Sends events with the Service Bus REST API (Send Message), so each message carries the <c>MessageId</c> that
/// duplicate detection needs. Transient failures are retried by the HttpClient's resilience handler; what is
/// still failing after that becomes an <see cref="EventPublishException"/>.
/// </summary>
public sealed class ServiceBusRestPublisher(
    HttpClient http,
    ServiceBusTokenProvider tokens,
    IOptions<ServiceBusOptions> settings,
    TimeProvider time,
    ILogger<ServiceBusRestPublisher> logger) : IEventPublisher
{
    private const int MaxLoggedErrorLength = 512;

    public async Task PublishAsync(EventEnvelope envelope, PublishOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(options);
        var token = await GetTokenAsync(options.MessageId, cancellationToken);

        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Value.SendUri());
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.TryAddWithoutValidation(ServiceBusBrokerProperties.HeaderName,
            ServiceBusBrokerProperties.Create(options, envelope.Type, time.GetUtcNow()));
        request.Content = new ByteArrayContent(EventEnvelopeJson.Serialize(envelope));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await SendAsync(request, options.MessageId, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Created)
        {
            logger.LogDebug("Sent message {MessageId} for event {EventId} to Service Bus with delay {Delay}", options.MessageId, envelope.Id, options.Delay);
            return;
        }

        var status = (int)response.StatusCode;
        var transient = status is 408 or 429 || status >= 500;
        logger.LogWarning("Service Bus refused message {MessageId} for event {EventId}: {StatusCode}; transient: {Transient}; detail: {ErrorDetail}",
            options.MessageId, envelope.Id, status, transient, await ReadErrorDetailAsync(response, cancellationToken));
        throw new EventPublishException($"Service Bus refused the message {options.MessageId}: {status} {response.StatusCode}", transient);
    }

    private async Task<string> GetTokenAsync(string messageId, CancellationToken cancellationToken)
    {
        try
        {
            return await tokens.GetTokenAsync(cancellationToken);
        }
        catch (CredentialUnavailableException ex)
        {
            logger.LogError(ex, "No credential can get a Service Bus token; message {MessageId} was not sent", messageId);
            throw new EventPublishException($"No credential is available to get a Service Bus token; message {messageId} was not sent.", isTransient: false, ex);
        }
        catch (AuthenticationFailedException ex)
        {
            logger.LogWarning(ex, "Getting a Service Bus token failed; message {MessageId} was not sent", messageId);
            throw new EventPublishException($"Getting a Service Bus token failed; message {messageId} was not sent.", isTransient: true, ex);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string messageId, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning(ex, "Could not reach Service Bus to send message {MessageId}", messageId);
            throw new EventPublishException($"Could not reach Service Bus to send message {messageId}: {ex.HttpRequestError}.", isTransient: true, ex);
        }
        catch (Exception ex) when (ex is TimeoutRejectedException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning(ex, "Service Bus did not answer in time to message {MessageId}", messageId);
            throw new EventPublishException($"Service Bus did not answer in time to message {messageId}.", isTransient: true, ex);
        }
    }

    private static async Task<string> ReadErrorDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return body.Length <= MaxLoggedErrorLength ? body : body[..MaxLoggedErrorLength];
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return "";
        }
    }
}
