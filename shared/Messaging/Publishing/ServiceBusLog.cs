using Microsoft.Extensions.Logging;

namespace CoworkSync.Messaging.Publishing;

/// <summary>Log events of publishing to Service Bus and of its health check: ids 9100–9199.</summary>
internal static partial class ServiceBusLog
{
    [LoggerMessage(EventId = 9100, EventName = "ServiceBusMessageSent", Level = LogLevel.Debug,
        Message = "Sent message {MessageId} for event {EventId} to Service Bus with delay {Delay}")]
    public static partial void Sent(this ILogger logger, string messageId, string eventId, TimeSpan delay);

    [LoggerMessage(EventId = 9101, EventName = "ServiceBusBatchSent", Level = LogLevel.Debug,
        Message = "Sent a batch of {Count} messages to Service Bus, {FirstMessageId} to {LastMessageId}")]
    public static partial void SentBatch(this ILogger logger, int count, string firstMessageId, string lastMessageId);

    [LoggerMessage(EventId = 9102, EventName = "ServiceBusSendFailedTransiently", Level = LogLevel.Warning,
        Message = "Could not send {Messages} to Service Bus; sending later may succeed")]
    public static partial void SendFailedTransiently(this ILogger logger, Exception exception, string messages);

    [LoggerMessage(EventId = 9103, EventName = "ServiceBusSendRefused", Level = LogLevel.Error,
        Message = "Service Bus will not take {Messages}; sending again will not help until the cause is fixed")]
    public static partial void SendRefused(this ILogger logger, Exception exception, string messages);

    [LoggerMessage(EventId = 9110, EventName = "ServiceBusHealthCheckFailed", Level = LogLevel.Warning,
        Message = "Service Bus health check failed: {Detail}")]
    public static partial void HealthCheckFailed(this ILogger logger, Exception exception, string detail);
}
