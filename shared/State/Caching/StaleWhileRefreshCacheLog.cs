using Microsoft.Extensions.Logging;

namespace CoworkSync.State.Caching;

internal static partial class StaleWhileRefreshCacheLog
{
    [LoggerMessage(EventId = 1400, EventName = "CacheRefreshFailed", Level = LogLevel.Warning, Message = "Could not refresh the cached {CacheName}; the previous copy is served until a refresh succeeds")]
    public static partial void RefreshFailed(this ILogger logger, Exception exception, string cacheName);
}
