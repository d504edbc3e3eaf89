using System.Net.Sockets;
using CoworkSync.Messaging.Processing;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace CoworkSync.Members.WelcomeEmails;

/// <summary>
/// What an SMTP failure means for the event. Only a recipient the server refuses for good (5xx) is about this
/// member; everything else is about the server, the network or the settings, which pass or which an operator fixes,
/// so the event is retried with backoff (and dead-lettered once retries run out).
/// </summary>
internal static class SmtpFailures
{
    /// <returns>The exception to throw instead, or null to let <paramref name="exception"/> through.</returns>
    public static Exception? Translate(Exception exception, string endpoint, string recipient, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => null,
        SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } refused when (int)refused.StatusCode >= 500 =>
            new PermanentEventException(DeadLetterReasons.InvalidEmailAddress,
                $"The SMTP server {endpoint} refused the recipient {recipient}: {(int)refused.StatusCode} {refused.Message}", exception),
        SmtpCommandException command => new TransientEventException(
            $"The SMTP server {endpoint} answered {(int)command.StatusCode} ({command.ErrorCode}) to the welcome email: {command.Message}", exception),
        AuthenticationException or SaslException => new TransientEventException(
            $"The SMTP server {endpoint} refused the login; check {EmailOptions.SectionName}:SmtpUserName and {EmailOptions.SectionName}:SmtpPassword.", exception),
        SslHandshakeException => new TransientEventException(
            $"The TLS handshake with the SMTP server {endpoint} failed; check its certificate and {EmailOptions.SectionName}:SmtpSecurity.", exception),
        NotSupportedException => new TransientEventException(
            $"The SMTP server {endpoint} does not support what the settings ask for (STARTTLS or authentication): {exception.Message}", exception),
        ProtocolException or ServiceNotConnectedException or ServiceNotAuthenticatedException => new TransientEventException(
            $"The conversation with the SMTP server {endpoint} failed: {exception.Message}", exception),
        SocketException or IOException or TimeoutException or OperationCanceledException => new TransientEventException(
            $"The SMTP server {endpoint} could not be reached or did not answer in time: {exception.Message}", exception),
        _ => null,
    };
}
