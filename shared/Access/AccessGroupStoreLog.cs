using Microsoft.Extensions.Logging;

namespace CoworkSync.Access;

internal static partial class AccessGroupStoreLog
{
    [LoggerMessage(EventId = 900, EventName = "AccessGroupSaved", Level = LogLevel.Information, Message = "Access group {GroupId} saved ({Change})")]
    public static partial void Saved(this ILogger logger, string groupId, string change);

    [LoggerMessage(EventId = 901, EventName = "AccessGroupsLoaded", Level = LogLevel.Debug, Message = "Loaded {StoredCount} stored access groups; {GroupCount} in force")]
    public static partial void Loaded(this ILogger logger, int storedCount, int groupCount);

    [LoggerMessage(EventId = 902, EventName = "AccessGroupUnreadable", Level = LogLevel.Error, Message = "Stored access group {GroupId} cannot be read and is ignored; the default applies if there is one. Put the group again to repair it")]
    public static partial void Unreadable(this ILogger logger, Exception exception, string groupId);
}
