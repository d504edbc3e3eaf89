using CoworkSync.Messaging.Processing;

namespace CoworkSync.Members.WelcomeEmails;

/// <summary>Delivers a member's welcome email with their WiFi credentials.</summary>
public interface IWelcomeEmailSender
{
    /// <exception cref="TransientEventException">The mail server or outbox failed in a way that may pass; retry later.</exception>
    /// <exception cref="PermanentEventException">
    /// The member's address is malformed or was refused (reason <see cref="DeadLetterReasons.InvalidEmailAddress"/>).
    /// </exception>
    Task SendAsync(WelcomeEmail email, CancellationToken cancellationToken);
}
