using System.Net.Sockets;
using CoworkSync.Members.WelcomeEmails;
using CoworkSync.Messaging.Processing;
using CoworkSync.UnitTests.Messaging.Publishing;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Moq;

namespace CoworkSync.UnitTests.Members.WelcomeEmails;

public sealed class SmtpWelcomeEmailSenderTests
{
    private readonly Mock<ISmtpClient> _client = new();
    private readonly ListLogger<SmtpWelcomeEmailSender> _logger = new();
    private readonly EmailOptions _options = EmailTestData.Options(o => o.SmtpHost = "smtp.example.com");
    private int _clientsMade;

    public SmtpWelcomeEmailSenderTests()
    {
        _client.Setup(c => c.SendAsync(It.IsAny<MimeMessage>(), It.IsAny<CancellationToken>(), It.IsAny<ITransferProgress>())).ReturnsAsync("250 OK");
        _client.SetupGet(c => c.IsEncrypted).Returns(true);
    }

    /// <summary>Failures the SMTP client can raise, by name; each maps to the event policy.</summary>
    public static TheoryData<string> TransientFailures => new()
    {
        "socket", "io", "timeout", "timeout-cancel", "4xx-recipient", "4xx-message", "5xx-sender", "5xx-message",
        "protocol", "not-connected", "not-authenticated", "authentication", "sasl", "tls-handshake", "starttls-unsupported",
    };

    [Fact]
    public async Task SendAsync_NoCredentials_ConnectsSendsAndDisconnectsWithoutLogin()
    {
        MimeMessage? sent = null;
        _client.Setup(c => c.SendAsync(It.IsAny<MimeMessage>(), It.IsAny<CancellationToken>(), It.IsAny<ITransferProgress>()))
            .Callback<MimeMessage, CancellationToken, ITransferProgress>((message, _, _) => sent = message)
            .ReturnsAsync("250 OK");

        await CreateSender().SendAsync(EmailTestData.Email(), CancellationToken.None);

        _client.Verify(c => c.ConnectAsync("smtp.example.com", 587, SecureSocketOptions.Auto, It.IsAny<CancellationToken>()), Times.Once);
        _client.Verify(c => c.AuthenticateAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        _client.Verify(c => c.DisconnectAsync(true, It.IsAny<CancellationToken>()), Times.Once);
        _client.Verify(c => c.Dispose(), Times.Once);
        _client.VerifySet(c => c.Timeout = 30_000);
        Assert.NotNull(sent);
        Assert.Contains("Username: alice.smith", sent.TextBody, StringComparison.Ordinal);
        Assert.Equal(1, _clientsMade);
    }

    [Theory]
    [InlineData(SmtpSecurity.None, SecureSocketOptions.None)]
    [InlineData(SmtpSecurity.StartTls, SecureSocketOptions.StartTls)]
    [InlineData(SmtpSecurity.SslOnConnect, SecureSocketOptions.SslOnConnect)]
    [InlineData(SmtpSecurity.Auto, SecureSocketOptions.Auto)]
    public async Task SendAsync_Security_ConnectsWithMatchingSocketOptions(SmtpSecurity security, SecureSocketOptions expected)
    {
        _options.SmtpSecurity = security;
        _options.SmtpPort = 465;

        await CreateSender().SendAsync(EmailTestData.Email(), CancellationToken.None);

        _client.Verify(c => c.ConnectAsync("smtp.example.com", 465, expected, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task SendAsync_Credentials_LogsInBeforeSending()
    {
        var calls = new List<string>();
        _options.SmtpUserName = "relay-user";
        _options.SmtpPassword = EmailTestData.SmtpPassword;
        _client.Setup(c => c.AuthenticateAsync("relay-user", EmailTestData.SmtpPassword, It.IsAny<CancellationToken>()))
            .Callback(() => calls.Add("auth")).Returns(Task.CompletedTask);
        _client.Setup(c => c.SendAsync(It.IsAny<MimeMessage>(), It.IsAny<CancellationToken>(), It.IsAny<ITransferProgress>()))
            .Callback(() => calls.Add("send")).ReturnsAsync("250 OK");

        await CreateSender().SendAsync(EmailTestData.Email(), CancellationToken.None);

        Assert.Equal(["auth", "send"], calls);
    }

    [Fact]
    public async Task SendAsync_CredentialsButConnectionUnencrypted_RefusesToLogIn()
    {
        _options.SmtpUserName = "relay-user";
        _options.SmtpPassword = EmailTestData.SmtpPassword;
        _client.SetupGet(c => c.IsEncrypted).Returns(false);

        var ex = await Assert.ThrowsAsync<TransientEventException>(() => CreateSender().SendAsync(EmailTestData.Email(), CancellationToken.None));

        Assert.Contains("SmtpSecurity", ex.Message, StringComparison.Ordinal);
        _client.Verify(c => c.AuthenticateAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        _client.Verify(c => c.SendAsync(It.IsAny<MimeMessage>(), It.IsAny<CancellationToken>(), It.IsAny<ITransferProgress>()), Times.Never);
    }

    [Fact]
    public async Task SendAsync_CredentialsAndSecurityNone_LogsInUnencrypted()
    {
        _options.SmtpUserName = "relay-user";
        _options.SmtpPassword = EmailTestData.SmtpPassword;
        _options.SmtpSecurity = SmtpSecurity.None;
        _client.SetupGet(c => c.IsEncrypted).Returns(false);

        await CreateSender().SendAsync(EmailTestData.Email(), CancellationToken.None);

        _client.Verify(c => c.AuthenticateAsync("relay-user", EmailTestData.SmtpPassword, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [MemberData(nameof(TransientFailures))]
    public async Task SendAsync_Failure_ThrowsTransientWithoutSecrets(string failure)
    {
        _options.SmtpUserName = "relay-user";
        _options.SmtpPassword = EmailTestData.SmtpPassword;
        FailOnSend(Failure(failure));

        var ex = await Assert.ThrowsAsync<TransientEventException>(() => CreateSender().SendAsync(EmailTestData.Email(), CancellationToken.None));

        Assert.Contains("smtp.example.com:587", ex.Message, StringComparison.Ordinal);
        AssertNoSecrets(ex);
        _client.Verify(c => c.Dispose(), Times.Once);
    }

    [Theory]
    [InlineData(550)]
    [InlineData(553)]
    [InlineData(501)]
    public async Task SendAsync_Recipient5xx_ThrowsPermanentInvalidEmailAddress(int status)
    {
        FailOnSend(new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, (SmtpStatusCode)status,
            new MailboxAddress("", "alice@example.com"), "5.1.1 <alice@example.com>: Recipient address rejected"));

        var ex = await Assert.ThrowsAsync<PermanentEventException>(() => CreateSender().SendAsync(EmailTestData.Email(), CancellationToken.None));

        Assert.Equal(DeadLetterReasons.InvalidEmailAddress, ex.Reason);
        Assert.Contains("alice@example.com", ex.Message, StringComparison.Ordinal);
        AssertNoSecrets(ex);
    }

    [Fact]
    public async Task SendAsync_ConnectFails_ThrowsTransientAndDoesNotSend()
    {
        _client.Setup(c => c.ConnectAsync(It.IsAny<string>(), It.IsAny<int>(), It.IsAny<SecureSocketOptions>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new SocketException((int)SocketError.ConnectionRefused));

        await Assert.ThrowsAsync<TransientEventException>(() => CreateSender().SendAsync(EmailTestData.Email(), CancellationToken.None));

        _client.Verify(c => c.SendAsync(It.IsAny<MimeMessage>(), It.IsAny<CancellationToken>(), It.IsAny<ITransferProgress>()), Times.Never);
    }

    [Fact]
    public async Task SendAsync_AuthenticationFails_ThrowsTransientNamingTheSettings()
    {
        _options.SmtpUserName = "relay-user";
        _options.SmtpPassword = EmailTestData.SmtpPassword;
        _client.Setup(c => c.AuthenticateAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new AuthenticationException("535: 5.7.8 Authentication credentials invalid"));

        var ex = await Assert.ThrowsAsync<TransientEventException>(() => CreateSender().SendAsync(EmailTestData.Email(), CancellationToken.None));

        Assert.Contains("Email:SmtpPassword", ex.Message, StringComparison.Ordinal);
        AssertNoSecrets(ex);
    }

    [Fact]
    public async Task SendAsync_Cancelled_PropagatesCancellation()
    {
        using var cancellation = new CancellationTokenSource();
        _client.Setup(c => c.SendAsync(It.IsAny<MimeMessage>(), It.IsAny<CancellationToken>(), It.IsAny<ITransferProgress>()))
            .Returns(async () =>
            {
                await cancellation.CancelAsync();
                cancellation.Token.ThrowIfCancellationRequested();
                return "";
            });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateSender().SendAsync(EmailTestData.Email(), cancellation.Token));
    }

    [Fact]
    public async Task SendAsync_DisconnectFailsAfterSending_Succeeds()
    {
        _client.Setup(c => c.DisconnectAsync(It.IsAny<bool>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("reset"));

        await CreateSender().SendAsync(EmailTestData.Email(), CancellationToken.None);

        _client.Verify(c => c.SendAsync(It.IsAny<MimeMessage>(), It.IsAny<CancellationToken>(), It.IsAny<ITransferProgress>()), Times.Once);
    }

    [Fact]
    public async Task SendAsync_InvalidAddress_ThrowsPermanentWithoutConnecting()
    {
        var ex = await Assert.ThrowsAsync<PermanentEventException>(() => CreateSender().SendAsync(EmailTestData.Email("nobody"), CancellationToken.None));

        Assert.Equal(DeadLetterReasons.InvalidEmailAddress, ex.Reason);
        Assert.Equal(0, _clientsMade);
    }

    [Fact]
    public async Task SendAsync_Sent_LogsWithoutSecrets()
    {
        _options.SmtpUserName = "relay-user";
        _options.SmtpPassword = EmailTestData.SmtpPassword;

        await CreateSender().SendAsync(EmailTestData.Email(), CancellationToken.None);

        var line = Assert.Single(_logger.Lines);
        Assert.Contains("alice.smith", line, StringComparison.Ordinal);
        Assert.DoesNotContain(EmailTestData.Password, line, StringComparison.Ordinal);
        Assert.DoesNotContain(EmailTestData.SmtpPassword, line, StringComparison.Ordinal);
    }

    private static Exception Failure(string name) => name switch
    {
        "socket" => new SocketException((int)SocketError.ConnectionReset),
        "io" => new IOException("Unable to read data from the transport connection"),
        "timeout" => new TimeoutException("The operation has timed out."),
        "timeout-cancel" => new OperationCanceledException("timed out"),
        "4xx-recipient" => new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, (SmtpStatusCode)450, new MailboxAddress("", "alice@example.com"), "4.2.1 Mailbox busy, try later"),
        "4xx-message" => new SmtpCommandException(SmtpErrorCode.MessageNotAccepted, (SmtpStatusCode)451, "4.3.0 Local error, try later"),
        "5xx-sender" => new SmtpCommandException(SmtpErrorCode.SenderNotAccepted, (SmtpStatusCode)553, new MailboxAddress("", "wifi@coworksync.example"), "5.7.1 Sender not owned by user"),
        "5xx-message" => new SmtpCommandException(SmtpErrorCode.MessageNotAccepted, (SmtpStatusCode)554, "5.7.0 Message rejected"),
        "protocol" => new SmtpProtocolException("The SMTP server has unexpectedly disconnected."),
        "not-connected" => new ServiceNotConnectedException("The SmtpClient is not connected."),
        "not-authenticated" => new ServiceNotAuthenticatedException("Authentication required."),
        "authentication" => new AuthenticationException("535: Authentication failed"),
        "sasl" => new SaslException("PLAIN", SaslErrorCode.InvalidChallenge, "bad challenge"),
        "tls-handshake" => new SslHandshakeException("An error occurred while attempting to establish an SSL or TLS connection."),
        "starttls-unsupported" => new NotSupportedException("The SMTP server does not support the STARTTLS extension."),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    private void FailOnSend(Exception exception) =>
        _client.Setup(c => c.SendAsync(It.IsAny<MimeMessage>(), It.IsAny<CancellationToken>(), It.IsAny<ITransferProgress>())).ThrowsAsync(exception);

    private static void AssertNoSecrets(Exception ex)
    {
        for (var e = (Exception?)ex; e is not null; e = e.InnerException)
        {
            Assert.DoesNotContain(EmailTestData.Password, e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(EmailTestData.SmtpPassword, e.Message, StringComparison.Ordinal);
        }
    }

    private SmtpWelcomeEmailSender CreateSender() => new(
        EmailTestData.Composer(_options),
        EmailTestData.Wrap(_options),
        () =>
        {
            _clientsMade++;
            return _client.Object;
        },
        _logger);
}
