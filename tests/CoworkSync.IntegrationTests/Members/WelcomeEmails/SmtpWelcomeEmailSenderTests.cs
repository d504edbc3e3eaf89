using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.Members.WelcomeEmails;
using CoworkSync.Messaging.Processing;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CoworkSync.IntegrationTests.Members.WelcomeEmails;

/// <summary>Welcome emails through MailKit to a real SMTP server (aiosmtpd), one per test.</summary>
public sealed class SmtpWelcomeEmailSenderTests : IAsyncLifetime
{
    private const string Password = "Kx7#pQ9vRt2m+W";
    private static readonly TimeSpan ArrivalTimeout = TimeSpan.FromSeconds(30);

    private SmtpSink? _sink;

    private SmtpSink Sink => _sink ?? throw new InvalidOperationException("The SMTP sink has not started.");

    public async Task InitializeAsync() => _sink = await SmtpSink.StartAsync();

    public async Task DisposeAsync()
    {
        if (_sink is not null)
            await _sink.DisposeAsync();
    }

    [Fact]
    public async Task SendAsync_WelcomeEmail_ArrivesWithCredentialsSenderAndRecipient()
    {
        await CreateSender().SendAsync(new WelcomeEmail("alice@example.com", "Alice Smith", "alice.smith", Password), CancellationToken.None);

        var message = await Sink.WaitForMessageToAsync("alice@example.com", ArrivalTimeout);
        Assert.NotNull(message.TextBody);
        var lines = message.TextBody.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        Assert.Contains("Username: alice.smith", lines);
        Assert.Contains($"Password: {Password}", lines);
        Assert.Contains("Network: Hub-Members", lines);
        Assert.Contains(Password, message.HtmlBody, StringComparison.Ordinal);
        var from = Assert.IsType<MailboxAddress>(Assert.Single(message.From));
        Assert.Equal(("Hub Coworking", "wifi@coworksync.example"), (from.Name, from.Address));
        Assert.Equal("alice@example.com", Assert.IsType<MailboxAddress>(Assert.Single(message.To)).Address);
        Assert.Equal("wifi@coworksync.example", message.Headers["X-MailFrom"]);
        Assert.Equal("alice@example.com", message.Headers["X-RcptTo"]);
    }

    [Fact]
    public async Task SendAsync_TwoMembers_EachGetsTheirOwnCredentials()
    {
        var sender = CreateSender();

        await sender.SendAsync(new WelcomeEmail("alice@example.com", "Alice", "alice", "alice-Pass-2345"), CancellationToken.None);
        await sender.SendAsync(new WelcomeEmail("bob@example.com", "Bob", "bob", "bob-Pass-6789ab"), CancellationToken.None);

        var bob = await Sink.WaitForMessageToAsync("bob@example.com", ArrivalTimeout);
        Assert.Contains("Username: bob", bob.TextBody, StringComparison.Ordinal);
        Assert.Contains("Password: bob-Pass-6789ab", bob.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("alice", bob.TextBody, StringComparison.Ordinal);
        Assert.Equal(2, (await Sink.ReadMessagesAsync()).Count);
    }

    [Fact]
    public async Task SendAsync_SinkStopped_ThrowsTransient()
    {
        var sender = CreateSender();
        await Sink.StopAsync();

        var ex = await Assert.ThrowsAsync<TransientEventException>(
            () => sender.SendAsync(new WelcomeEmail("alice@example.com", "Alice", "alice", Password), CancellationToken.None));

        Assert.Contains($"127.0.0.1:{Sink.Port}", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddWelcomeEmail_SmtpHostSet_SendsThroughTheServer()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Email:SmtpHost"] = SmtpSink.Host,
            ["Email:SmtpPort"] = Sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:SmtpSecurity"] = "None",
            ["Email:SenderAddress"] = "wifi@coworksync.example",
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddWelcomeEmail(configuration).BuildServiceProvider();

        await provider.GetRequiredService<IWelcomeEmailSender>()
            .SendAsync(new WelcomeEmail("carol@example.com", null, "carol", Password), CancellationToken.None);

        var message = await Sink.WaitForMessageToAsync("carol@example.com", ArrivalTimeout);
        Assert.Contains("Username: carol", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Network: CoworkSync", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SmtpSink_NoMessageToAddress_TimesOutNamingIt()
    {
        var ex = await Assert.ThrowsAsync<TimeoutException>(() => Sink.WaitForMessageToAsync("nobody@example.com", TimeSpan.FromMilliseconds(200)));

        Assert.Contains("nobody@example.com", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await Sink.ReadMessagesAsync());
    }

    [Fact]
    public async Task SmtpSink_Disposed_StopsTheServer()
    {
        var sink = await SmtpSink.StartAsync();
        Assert.True(sink.IsRunning);

        await sink.DisposeAsync();

        Assert.False(sink.IsRunning);
        Assert.False(Directory.Exists(sink.MaildirPath));
        using var client = new SmtpClient();
        await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(
            () => client.ConnectAsync(SmtpSink.Host, sink.Port, MailKit.Security.SecureSocketOptions.None));
    }

    private SmtpWelcomeEmailSender CreateSender()
    {
        var options = Options.Create(new EmailOptions
        {
            SmtpHost = SmtpSink.Host,
            SmtpPort = Sink.Port,
            SmtpSecurity = SmtpSecurity.None,
            SenderAddress = "wifi@coworksync.example",
            SenderName = "Hub Coworking",
            NetworkName = "Hub-Members",
            SmtpTimeout = TimeSpan.FromSeconds(30),
        });
        return new SmtpWelcomeEmailSender(
            new WelcomeEmailComposer(options, TimeProvider.System), options, () => new SmtpClient(), NullLogger<SmtpWelcomeEmailSender>.Instance);
    }
}
