using CoworkSync.Members.WelcomeEmails;
using CoworkSync.Messaging.Processing;
using CoworkSync.UnitTests.Messaging.Publishing;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace CoworkSync.UnitTests.Members.WelcomeEmails;

public sealed class EmlFileWelcomeEmailSenderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"coworksync-outbox-{Guid.NewGuid():N}");
    private readonly ListLogger<EmlFileWelcomeEmailSender> _logger = new();

    private string Outbox => Path.Combine(_root, "data", "mail");

    public void Dispose()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task SendAsync_WritesOneParseableEmlWithTheCredentials()
    {
        await CreateSender().SendAsync(EmailTestData.Email(), CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(Outbox));
        Assert.EndsWith(".eml", file, StringComparison.Ordinal);
        var message = await MimeMessage.LoadAsync(file);
        var lines = EmailTestData.TextLines(message);
        Assert.Contains("Username: alice.smith", lines);
        Assert.Contains($"Password: {EmailTestData.Password}", lines);
        Assert.Contains("Network: Hub-Members", lines);
        Assert.Equal("alice@example.com", Assert.IsType<MailboxAddress>(Assert.Single(message.To)).Address);
        Assert.Equal("wifi@coworksync.example", Assert.IsType<MailboxAddress>(Assert.Single(message.From)).Address);
    }

    [Fact]
    public async Task SendAsync_FileName_HasTimestampAndSanitizedRecipient()
    {
        await CreateSender().SendAsync(EmailTestData.Email("Alice+WiFi/x@Example.com"), CancellationToken.None);

        var name = Path.GetFileName(Assert.Single(Directory.GetFiles(Outbox)));
        Assert.Matches(@"^20250301T101530123Z-alice_wifi_x@example\.com-[0-9a-f]{8}\.eml$", name);
    }

    [Fact]
    public async Task SendAsync_TwoEmailsSameMoment_WritesTwoFiles()
    {
        var sender = CreateSender();

        await sender.SendAsync(EmailTestData.Email(), CancellationToken.None);
        await sender.SendAsync(EmailTestData.Email(), CancellationToken.None);

        Assert.Equal(2, Directory.GetFiles(Outbox, "*.eml").Length);
        Assert.Empty(Directory.GetFiles(Outbox, "*.tmp"));
    }

    [Fact]
    public async Task SendAsync_OnUnix_FileIsOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
            return;

        await CreateSender().SendAsync(EmailTestData.Email(), CancellationToken.None);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Assert.Single(Directory.GetFiles(Outbox))));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Outbox));
    }

    [Fact]
    public async Task SendAsync_OutboxCannotBeCreated_ThrowsTransient()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Outbox)!);
        await File.WriteAllTextAsync(Outbox, "a file where the outbox folder should be");

        var ex = await Assert.ThrowsAsync<TransientEventException>(() => CreateSender().SendAsync(EmailTestData.Email(), CancellationToken.None));

        Assert.DoesNotContain(EmailTestData.Password, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_InvalidAddress_ThrowsPermanentAndWritesNothing()
    {
        var ex = await Assert.ThrowsAsync<PermanentEventException>(() => CreateSender().SendAsync(EmailTestData.Email("nobody"), CancellationToken.None));

        Assert.Equal(DeadLetterReasons.InvalidEmailAddress, ex.Reason);
        Assert.False(Directory.Exists(Outbox));
    }

    [Fact]
    public async Task SendAsync_Logs_WithoutThePassword()
    {
        await CreateSender().SendAsync(EmailTestData.Email(), CancellationToken.None);

        var line = Assert.Single(_logger.Lines);
        Assert.Contains("alice.smith", line, StringComparison.Ordinal);
        Assert.DoesNotContain(EmailTestData.Password, line, StringComparison.Ordinal);
    }

    private EmlFileWelcomeEmailSender CreateSender()
    {
        var options = EmailTestData.Options(o => o.OutboxPath = Outbox);
        return new EmlFileWelcomeEmailSender(EmailTestData.Composer(options), EmailTestData.Wrap(options), new FakeTimeProvider(EmailTestData.Now), _logger);
    }
}
