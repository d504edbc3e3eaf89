using System.Net;
using System.Text.Json;
using Azure;
using CoworkSync.Messaging.Events;
using CoworkSync.State.Tables;

namespace CoworkSync.Messaging.Processing;

/// <summary>Decides what a handler's exception means for the event: retry later, dead-letter now, or let the broker redeliver.</summary>
public static class FailureClassifier
{
    public static (FailureKind Kind, string Reason) Classify(Exception exception, CancellationToken processingToken) => exception switch
    {
        PermanentEventException permanent => (FailureKind.Permanent, permanent.Reason),
        JsonException => (FailureKind.Permanent, DeadLetterReasons.InvalidPayload),
        TransientEventException => (FailureKind.Transient, "Transient"),
        ConcurrencyConflictException => (FailureKind.Transient, "ConcurrencyConflict"),
        EventPublishException { IsTransient: true } => (FailureKind.Transient, "QueueUnavailable"),
        RequestFailedException storage when IsTransientStatus(storage.Status) => (FailureKind.Transient, $"Storage{storage.Status}"),
        HttpRequestException http when http.StatusCode is null || IsTransientStatus((int)http.StatusCode) => (FailureKind.Transient, "HttpTransient"),
        TimeoutException => (FailureKind.Transient, "Timeout"),
        OperationCanceledException when !processingToken.IsCancellationRequested => (FailureKind.Transient, "Timeout"),
        _ => (FailureKind.Crash, exception.GetType().Name),
    };

    /// <summary>0 is a request that got no answer; 408, 412 (after its own retries), 429 and 5xx may pass.</summary>
    public static bool IsTransientStatus(int status) =>
        status is 0 or (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.TooManyRequests or >= 500;
}
