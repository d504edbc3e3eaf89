using CoworkSync.Messaging.Processing;

namespace CoworkSync.Members.WelcomeEmails;

/// <summary>
/// Delivers an email to a member that another part composed (the portal's sign-in link, a password change notice) the
/// way welcome emails go: by SMTP, or as an <c>.eml</c> file in local mode.
/// </summary>
public interface IMemberEmailSender
{
    /// <exception cref="TransientEventException">The mail server or outbox failed in a way that may pass; retry later.</exception>
    /// <exception cref="PermanentEventException">The member's address was refused (reason <see cref="DeadLetterReasons.InvalidEmailAddress"/>).</exception>
    Task SendAsync(MemberEmail email, CancellationToken cancellationToken);
}
