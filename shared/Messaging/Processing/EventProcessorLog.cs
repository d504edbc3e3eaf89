using Microsoft.Extensions.Logging;

namespace CoworkSync.Messaging.Processing;

internal static partial class EventProcessorLog
{
    [LoggerMessage(EventId = 100, EventName = "EventApplied", Level = LogLevel.Debug, Message = "Applied event {EventId} of type {EventType} for connector {ConnectorId} on attempt {Attempt}")]
    public static partial void Applied(this ILogger logger, string eventId, string eventType, string connectorId, int attempt);

    [LoggerMessage(EventId = 101, EventName = "EventAlreadyApplied", Level = LogLevel.Information, Message = "Event {EventId} for connector {ConnectorId} was already applied; nothing to do")]
    public static partial void AlreadyApplied(this ILogger logger, string eventId, string connectorId);

    [LoggerMessage(EventId = 106, EventName = "EventInProgressElsewhere", Level = LogLevel.Information, Message = "Event {EventId} for connector {ConnectorId} is being applied by another delivery; this one is a duplicate")]
    public static partial void InProgressElsewhere(this ILogger logger, string eventId, string connectorId);

    [LoggerMessage(EventId = 102, EventName = "EventRetryScheduled", Level = LogLevel.Warning, Message = "Event {EventId} for connector {ConnectorId} failed transiently on attempt {Attempt} ({FailureReason}); retrying in {RetryDelay}")]
    public static partial void RetryScheduled(this ILogger logger, Exception exception, string eventId, string connectorId, int attempt, string failureReason, TimeSpan retryDelay);

    [LoggerMessage(EventId = 103, EventName = "EventDeadLettered", Level = LogLevel.Error, Message = "Event {EventId} for connector {ConnectorId} became a dead letter: {DeadLetterReason}")]
    public static partial void DeadLettered(this ILogger logger, Exception? exception, string eventId, string connectorId, string deadLetterReason);

    [LoggerMessage(EventId = 104, EventName = "MessageMalformed", Level = LogLevel.Error, Message = "Message {MessageId} is not an event envelope; recorded as a dead letter")]
    public static partial void Malformed(this ILogger logger, Exception exception, string? messageId);

    [LoggerMessage(EventId = 105, EventName = "EventHandlerCrashed", Level = LogLevel.Error, Message = "Event {EventId} for connector {ConnectorId} crashed its handler on delivery {DeliveryCount}; the broker will redeliver it")]
    public static partial void Crashed(this ILogger logger, Exception exception, string eventId, string connectorId, int deliveryCount);
}
