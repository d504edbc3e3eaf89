using Microsoft.Extensions.Logging;

namespace CoworkSync.Platforms.Coworks;

internal static partial class CoworksClientLog
{
    [LoggerMessage(EventId = 700, EventName = "CoworksRetrying", Level = LogLevel.Warning, Message = "Coworks request {RequestPath} failed with {Outcome}; retry {RetryAttempt} in {RetryDelay}")]
    public static partial void Retrying(this ILogger logger, string requestPath, string outcome, int retryAttempt, TimeSpan retryDelay);

    [LoggerMessage(EventId = 701, EventName = "CoworksRefused", Level = LogLevel.Warning, Message = "Coworks answered {StatusCode} to {Operation} in space {SpaceId}; transient: {Transient}; detail: {ErrorDetail}")]
    public static partial void Refused(this ILogger logger, int statusCode, string operation, string spaceId, bool transient, string errorDetail);

    [LoggerMessage(EventId = 702, EventName = "CoworksUnreachable", Level = LogLevel.Warning, Message = "Could not reach Coworks for {Operation} in space {SpaceId}")]
    public static partial void Unreachable(this ILogger logger, Exception exception, string operation, string spaceId);

    [LoggerMessage(EventId = 703, EventName = "CoworksBadPayload", Level = LogLevel.Warning, Message = "Coworks answered {Operation} in space {SpaceId} with a body that is not the documented format")]
    public static partial void BadPayload(this ILogger logger, Exception exception, string operation, string spaceId);

    [LoggerMessage(EventId = 704, EventName = "CoworksMembersListed", Level = LogLevel.Debug, Message = "Listed {MemberCount} Coworks members in space {SpaceId} over {PageCount} pages")]
    public static partial void Listed(this ILogger logger, int memberCount, string spaceId, int pageCount);
}
