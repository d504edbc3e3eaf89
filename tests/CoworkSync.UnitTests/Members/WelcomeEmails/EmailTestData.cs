using CoworkSync.Members.WelcomeEmails;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace CoworkSync.UnitTests.Members.WelcomeEmails;

internal static class EmailTestData
{
    public const string Password = "Kx7#pQ9v<&>m+W";
    public const string SmtpPassword = "smtp-Secret-9f3a";

    public static readonly DateTimeOffset Now = new(2025, 3, 1, 10, 15, 30, 123, TimeSpan.Zero);

    public static WelcomeEmail Email(string toAddress = "alice@example.com") => new(toAddress, "Alice Smith", "alice.smith", Password);

    public static EmailOptions Options(Action<EmailOptions>? configure = null)
    {
        var options = new EmailOptions { SenderAddress = "wifi@coworksync.example", SenderName = "Hub Coworking", NetworkName = "Hub-Members" };
        configure?.Invoke(options);
        return options;
    }

    public static WelcomeEmailComposer Composer(EmailOptions? options = null) =>
        new(Microsoft.Extensions.Options.Options.Create(options ?? Options()), new FakeTimeProvider(Now));

    /// <summary>The message's text body as lines, without line ends.</summary>
    public static List<string> TextLines(MimeMessage message)
    {
        Assert.NotNull(message.TextBody);
        return message.TextBody.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
    }

    public static IOptions<EmailOptions> Wrap(EmailOptions options) => Microsoft.Extensions.Options.Options.Create(options);
}
