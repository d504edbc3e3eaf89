using CoworkSync.MemberPortal.Passwords;

namespace CoworkSync.Administration.Audit;

/// <summary>What members change for themselves in the portal (a password change), in the same audit log as staff's changes.</summary>
public sealed class MemberPortalAuditLog(AuditLog audit) : IMemberPortalAudit
{
    public async Task RecordAsync(MemberPortalAuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await audit.RecordAsync(new AuditEntry
        {
            At = entry.At,
            Actor = AuditActor.InMemberPortal(entry.Actor),
            Area = AuditAreas.Members,
            Action = entry.Action,
            Target = entry.Member.MemberId,
            ConnectorId = entry.Member.ConnectorId,
            Summary = entry.Action == MemberPortalAuditEntry.PasswordChanged
                ? $"The member changed the password of WiFi account {entry.Username} in the portal."
                : $"The member did '{entry.Action}' to WiFi account {entry.Username} in the portal.",
        }, cancellationToken);
    }
}
