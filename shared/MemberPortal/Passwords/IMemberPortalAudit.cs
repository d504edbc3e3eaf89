using CoworkSync.Connectors.Seam;

namespace CoworkSync.MemberPortal.Passwords;

/// <summary>
/// Where the portal records what members change themselves (a password change): the audit log, which the
/// administration area registers (the portal names no administration type).
/// </summary>
public interface IMemberPortalAudit
{
    Task RecordAsync(MemberPortalAuditEntry entry, CancellationToken cancellationToken);
}

/// <summary>One change a member made in the portal. Never a password.</summary>
/// <param name="Action">What was done (<c>portal.password-changed</c>).</param>
/// <param name="Member">Whose account.</param>
/// <param name="Username">The WiFi account's user name.</param>
/// <param name="Actor">Who did it, as the session knows them (<c>member alex@example.com, signed in with Cobot</c>).</param>
/// <param name="At">When.</param>
public sealed record MemberPortalAuditEntry(string Action, ProvenMember Member, string Username, string Actor, DateTimeOffset At)
{
    public const string PasswordChanged = "portal.password-changed";
}
