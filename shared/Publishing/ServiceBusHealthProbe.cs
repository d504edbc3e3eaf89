using Azure.Identity;
using CoworkSync.Health;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoworkSync.Publishing;

/// <summary>Checks that a Service Bus token can be had and the namespace answers.</summary>
public sealed class ServiceBusHealthProbe(
    HttpClient http,
    ServiceBusTokenProvider tokens,
    IOptions<ServiceBusOptions> settings,
    TimeProvider time,
    ILogger<ServiceBusHealthProbe> logger) : IHealthProbe
{
    /// <summary>The whole check, token included, must finish within this time.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public string Name => "queue";

    public async Task<HealthProbeResult> CheckAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var token = await tokens.GetTokenAsync(linked.Token);
            using var request = new HttpRequestMessage(HttpMethod.Get, settings.Value.QueueUri());
            request.Headers.Authorization = new("Bearer", token);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var status = (int)response.StatusCode;
            // Reading the queue's description needs Manage rights a sender lacks: any answer below 500 (401/403 included) proves the namespace is up.
            if (status < 500)
                return HealthProbeResult.Ok;
            logger.LogWarning("Service Bus health check: the namespace answered {StatusCode}", status);
            return HealthProbeResult.Down($"Service Bus answered {status}.");
        }
        catch (AuthenticationFailedException ex)
        {
            logger.LogWarning(ex, "Service Bus health check: no token");
            return HealthProbeResult.Down("Could not get a Service Bus token.");
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning(ex, "Service Bus health check: namespace unreachable");
            return HealthProbeResult.Down("Service Bus could not be reached.");
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Service Bus health check timed out");
            return HealthProbeResult.Down($"Service Bus did not answer within {Timeout.TotalSeconds:0} s.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Service Bus health check failed");
            return HealthProbeResult.Down($"Service Bus check failed ({ex.GetType().Name}).");
        }
    }
}
