using CoworkSync.Messaging.Processing;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoworkSync.Members.WelcomeEmails;

/// <summary>
/// Sends members' emails (the welcome email, and those others compose: the portal's sign-in link, a password change
/// notice) through the SMTP server in <see cref="EmailOptions"/>, one connection per email (they are rare). Failures become <see cref="TransientEventException"/> or <see cref="PermanentEventException"/> (see
/// <see cref="SmtpFailures"/>); no password appears in an exception or a log line.
/// </summary>
/// <param name="composer">Composes the email from the account.</param>
/// <param name="options">The SMTP server and sender.</param>
/// <param name="clientFactory">Makes a fresh client for each email; <c>() =&gt; new SmtpClient()</c> outside tests.</param>
/// <param name="logger">Where sends are logged (never a password).</param>
public sealed partial class SmtpWelcomeEmailSender(
    WelcomeEmailComposer composer,
    IOptions<EmailOptions> options,
    Func<ISmtpClient> clientFactory,
    ILogger<SmtpWelcomeEmailSender> logger) : IWelcomeEmailSender, IMemberEmailSender
{
    public async Task SendAsync(WelcomeEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        RequireHost();
        await DeliverAsync(composer.Compose(email), email.ToAddress, "welcome", email.Username, cancellationToken);
    }

    public Task SendAsync(MemberEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        RequireHost();
        return DeliverAsync(email.Message, email.ToAddress, email.Kind, email.Username, cancellationToken);
    }

    private void RequireHost()
    {
        if (string.IsNullOrWhiteSpace(options.Value.SmtpHost))
            throw new InvalidOperationException($"{EmailOptions.SectionName}:SmtpHost is not set, so members' emails cannot be sent by SMTP.");
    }

    private async Task DeliverAsync(MimeKit.MimeMessage message, string toAddress, string kind, string username, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var host = settings.SmtpHost!.Trim();
        var endpoint = $"{host}:{settings.SmtpPort}";

        using var client = clientFactory();
        client.Timeout = (int)Math.Min(settings.SmtpTimeout.TotalMilliseconds, int.MaxValue);
        try
        {
            await client.ConnectAsync(host, settings.SmtpPort, SocketOptions(settings.SmtpSecurity), cancellationToken);
            if (!string.IsNullOrEmpty(settings.SmtpUserName))
            {
                if (!client.IsEncrypted && settings.SmtpSecurity != SmtpSecurity.None)
                {
                    throw new TransientEventException(
                        $"The SMTP server {endpoint} offered no TLS, so the credentials were not sent; use a server or port with TLS, " +
                        $"or set {EmailOptions.SectionName}:SmtpSecurity to None to send them unencrypted.");
                }
                await client.AuthenticateAsync(settings.SmtpUserName, settings.SmtpPassword ?? "", cancellationToken);
            }
            await client.SendAsync(message, cancellationToken);
        }
        catch (Exception ex) when (SmtpFailures.Translate(ex, endpoint, toAddress, cancellationToken) is { } translated)
        {
            throw translated;
        }

        LogSent(kind, username, message.MessageId, endpoint);
        await DisconnectAsync(client, endpoint, cancellationToken);
    }

    internal static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.Auto => SecureSocketOptions.Auto,
        _ => throw new ArgumentOutOfRangeException(nameof(security), security, "Unknown SMTP security setting."),
    };

    // The email is sent: a failed QUIT must not fail the event, or the member would get the email twice.
    private async Task DisconnectAsync(ISmtpClient client, string endpoint, CancellationToken cancellationToken)
    {
        try
        {
            await client.DisconnectAsync(true, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogDisconnectFailed(endpoint, ex.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 600, EventName = "WelcomeEmailSent", Level = LogLevel.Information, Message = "Sent the {EmailKind} email for WiFi user {Username} as {MessageId} through {SmtpEndpoint}")]
    private partial void LogSent(string emailKind, string username, string? messageId, string smtpEndpoint);

    [LoggerMessage(EventId = 601, EventName = "SmtpDisconnectFailed", Level = LogLevel.Debug, Message = "Closing the connection to {SmtpEndpoint} after sending failed with {ExceptionType}; the email was sent")]
    private partial void LogDisconnectFailed(string smtpEndpoint, string exceptionType);
}
