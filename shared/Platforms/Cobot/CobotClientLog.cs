using Microsoft.Extensions.Logging;

namespace CoworkSync.Platforms.Cobot;

internal static partial class CobotClientLog
{
    [LoggerMessage(EventId = 1000, EventName = "CobotWaitingForSlot", Level = LogLevel.Debug, Message = "Cobot request {RequestPath} waits {Wait} for a rate-limit slot")]
    public static partial void WaitingForSlot(this ILogger logger, string requestPath, TimeSpan wait);

    [LoggerMessage(EventId = 1001, EventName = "CobotThrottled", Level = LogLevel.Warning, Message = "Cobot throttled {RequestPath} (429); Retry-After {RetryAfter}, attempt {Attempt}")]
    public static partial void Throttled(this ILogger logger, string requestPath, TimeSpan retryAfter, int attempt);

    [LoggerMessage(EventId = 1002, EventName = "CobotRefused", Level = LogLevel.Warning, Message = "Cobot answered {StatusCode} to {Operation} at {ApiHost}; transient: {Transient}")]
    public static partial void Refused(this ILogger logger, int statusCode, string operation, string apiHost, bool transient);

    [LoggerMessage(EventId = 1003, EventName = "CobotUnreachable", Level = LogLevel.Warning, Message = "Could not reach Cobot for {Operation} at {ApiHost}")]
    public static partial void Unreachable(this ILogger logger, Exception exception, string operation, string apiHost);

    [LoggerMessage(EventId = 1004, EventName = "CobotBadPayload", Level = LogLevel.Warning, Message = "Cobot answered {Operation} at {ApiHost} with a body that is not the documented format")]
    public static partial void BadPayload(this ILogger logger, Exception exception, string operation, string apiHost);

    [LoggerMessage(EventId = 1005, EventName = "CobotNotSent", Level = LogLevel.Warning, Message = "Did not send {Operation} to Cobot at {ApiHost}: the token's next rate-limit slot is {RetryAfter} away, longer than Cobot:MaxWait")]
    public static partial void NotSent(this ILogger logger, string operation, string apiHost, TimeSpan? retryAfter);
}
