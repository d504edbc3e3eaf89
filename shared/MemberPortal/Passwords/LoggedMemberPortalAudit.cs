using Microsoft.Extensions.Logging;

namespace CoworkSync.MemberPortal.Passwords;

/// <summary>The audit trail until the deployment's audit log is wired in: each entry as a log event (1650).</summary>
public sealed partial class LoggedMemberPortalAudit(ILogger<LoggedMemberPortalAudit> logger) : IMemberPortalAudit
{
    public Task RecordAsync(MemberPortalAuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Log(entry.Action, entry.Member.ConnectorId, entry.Member.MemberId, entry.Username, entry.Actor, entry.At);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 1650, EventName = "MemberPortalAudit", Level = LogLevel.Information,
        Message = "Member portal: {Action} for member {MemberId} of connector {ConnectorId}, WiFi user {Username}, by {Actor} at {At}")]
    private partial void Log(string action, string connectorId, string memberId, string username, string actor, DateTimeOffset at);
}
