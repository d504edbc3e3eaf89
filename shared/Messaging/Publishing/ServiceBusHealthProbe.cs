using Azure.Identity;
using Azure.Messaging.ServiceBus;
using CoworkSync.State.Health;
using Microsoft.Extensions.Logging;

namespace CoworkSync.Messaging.Publishing;

/// <summary>
/// Checks the events queue by peeking at it: a request to the queue that Service Bus answers every time, proving that a
/// token can be had, the namespace answers, the queue exists and the app's identity may read it.
/// </summary>
/// <remarks>
/// The app's identity has Azure Service Bus Data Sender and Data Receiver on the namespace (infra/modules/role-assignments.bicep):
/// Receiver for the Functions host's triggers, which run as the same identity. A peek needs only Receiver (Listen), locks
/// nothing and changes no delivery count, so the check cannot disturb delivery. A sender-only check was not chosen: a
/// sender's link, once open, creates batches without asking the service, so it would not notice a namespace that stopped
/// answering; reading the queue's description would need Manage, which the app does not have.
/// </remarks>
public sealed class ServiceBusHealthProbe(ServiceBusReceiver receiver, TimeProvider time, ILogger<ServiceBusHealthProbe> logger) : IHealthProbe
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
            // Bounded here too, not only by the token: the check must end on time even if a peek does not heed it.
            await receiver.PeekMessageAsync(cancellationToken: linked.Token).WaitAsync(Timeout, time, cancellationToken);
            return HealthProbeResult.Ok;
        }
        catch (Exception ex) when (Describe(ex, cancellationToken) is { } detail)
        {
            logger.HealthCheckFailed(ex, detail);
            return HealthProbeResult.Down(detail);
        }
    }

    /// <summary>What went wrong, in words safe to show anyone; null for the caller's own cancellation.</summary>
    private static string? Describe(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        _ when cancellationToken.IsCancellationRequested && ex is OperationCanceledException => null,
        OperationCanceledException or TimeoutException => $"Service Bus did not answer within {Timeout.TotalSeconds:0} s.",
        AuthenticationFailedException => "Could not get a Service Bus token.",
        UnauthorizedAccessException => "Service Bus refused the app's identity (it needs the Azure Service Bus Data Receiver role).",
        ServiceBusException { Reason: ServiceBusFailureReason.MessagingEntityNotFound } => "The events queue does not exist.",
        ServiceBusException serviceBus => $"Service Bus answered {serviceBus.Reason}.",
        _ => $"Service Bus check failed ({ex.GetType().Name}).",
    };
}
