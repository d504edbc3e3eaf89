using Azure;
using CoworkSync.Messaging.Events;

namespace CoworkSync.Functions.Hosting.Http;

/// <summary>The answers every platform's webhook function gives, so that the platforms see the same contract.</summary>
public static class WebhookAnswers
{
    public static IResult Problem(int status, string title, string detail) => Results.Problem(title: title, detail: detail, statusCode: status);

    public static IResult TooLarge(int maxBytes) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Body too large", $"The body must be at most {maxBytes} bytes.");

    /// <summary>503: the platform should send the webhook again later; nothing was enqueued.</summary>
    public static IResult Unavailable() =>
        Problem(StatusCodes.Status503ServiceUnavailable, "Unavailable", "The event could not be stored; send it again later.");

    /// <summary>
    /// Storage or the queue failed: an outage, answered <see cref="Unavailable"/>. An <see cref="AggregateException"/>
    /// is what the storage client throws when its retries over an unreachable service all failed.
    /// </summary>
    public static bool IsOutage(Exception exception) =>
        exception is EventPublishException or RequestFailedException or HttpRequestException or AggregateException;
}
