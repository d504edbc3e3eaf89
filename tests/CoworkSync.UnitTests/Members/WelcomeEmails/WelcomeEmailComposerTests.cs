using CoworkSync.Members.WelcomeEmails;
using CoworkSync.Messaging.Processing;
using MimeKit;

namespace CoworkSync.UnitTests.Members.WelcomeEmails;

public sealed class WelcomeEmailComposerTests
{
    [Fact]
    public void Compose_TextBody_HasCredentialLinesAndNetwork()
    {
        var message = EmailTestData.Composer().Compose(EmailTestData.Email());

        var lines = EmailTestData.TextLines(message);
        Assert.Contains("Username: alice.smith", lines);
        Assert.Contains($"Password: {EmailTestData.Password}", lines);
        Assert.Contains("Network: Hub-Members", lines);
        Assert.Contains("Hello Alice Smith,", lines);
    }

    [Fact]
    public void Compose_TextBody_ExplainsHowToConnectToAnEnterpriseNetwork()
    {
        var text = string.Join('\n', EmailTestData.TextLines(EmailTestData.Composer().Compose(EmailTestData.Email())));

        Assert.Contains("choose the network \"Hub-Members\"", text, StringComparison.Ordinal);
        Assert.Contains("WPA2/WPA3-Enterprise", text, StringComparison.Ordinal);
        Assert.Contains("certificate", text, StringComparison.Ordinal);
        Assert.Contains("PEAP with MSCHAPv2", text, StringComparison.Ordinal);
        Assert.Contains("TTLS with PAP", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_LinksToTheMemberPortal_InTextAndHtml_WhenItsAddressIsKnown()
    {
        var message = EmailTestData.Composer(EmailTestData.Options(o => o.PortalUrl = "https://wifi.example.com/portal"))
            .Compose(EmailTestData.Email());

        var lines = EmailTestData.TextLines(message);
        var line = lines.IndexOf(WelcomeEmailComposer.PortalLine);
        Assert.True(line >= 0, "The text names the portal.");
        Assert.Equal("https://wifi.example.com/portal", lines[line + 1]);
        Assert.Contains("href=\"https://wifi.example.com/portal\"", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_WithoutAPortalAddress_HasNoPortalLine()
    {
        var message = EmailTestData.Composer().Compose(EmailTestData.Email());

        Assert.DoesNotContain(WelcomeEmailComposer.PortalLine, EmailTestData.TextLines(message));
    }

    [Fact]
    public void Compose_HtmlAlternative_HasEncodedCredentials()
    {
        var message = EmailTestData.Composer().Compose(EmailTestData.Email());

        Assert.NotNull(message.Body);
        Assert.Equal("multipart/alternative", message.Body.ContentType.MimeType);
        Assert.Contains("alice.smith", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Kx7#pQ9v&lt;&amp;&gt;m+W", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Hub-Members", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<&>", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Headers_FromConfiguredSenderToMember()
    {
        var message = EmailTestData.Composer().Compose(EmailTestData.Email());

        var from = Assert.IsType<MailboxAddress>(Assert.Single(message.From));
        Assert.Equal(("Hub Coworking", "wifi@coworksync.example"), (from.Name, from.Address));
        var to = Assert.IsType<MailboxAddress>(Assert.Single(message.To));
        Assert.Equal(("Alice Smith", "alice@example.com"), (to.Name, to.Address));
        Assert.Equal("Your WiFi access: Hub-Members", message.Subject);
        Assert.Equal(EmailTestData.Now, message.Date);
        Assert.EndsWith("@coworksync.example", message.MessageId, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_NoSenderAddressConfigured_UsesLocalSender()
    {
        var message = EmailTestData.Composer(EmailTestData.Options(o => o.SenderAddress = "")).Compose(EmailTestData.Email());

        Assert.Equal(EmailOptions.LocalSenderAddress, Assert.IsType<MailboxAddress>(Assert.Single(message.From)).Address);
    }

    [Fact]
    public void Compose_EmailNamesNetworkAndInstructions_UsesThem()
    {
        var email = EmailTestData.Email() with { NetworkName = "Hub-Berlin", ConnectInstructions = "Scan the QR code at the front desk." };

        var text = string.Join('\n', EmailTestData.TextLines(EmailTestData.Composer().Compose(email)));

        Assert.Contains("Network: Hub-Berlin", text, StringComparison.Ordinal);
        Assert.Contains("Scan the QR code at the front desk.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hub-Members", text, StringComparison.Ordinal);
        Assert.DoesNotContain("MSCHAPv2", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_NoName_GreetsWithoutOne()
    {
        var message = EmailTestData.Composer().Compose(EmailTestData.Email() with { ToName = null });

        Assert.Equal("Hello,", EmailTestData.TextLines(message)[0]);
        Assert.Equal("", Assert.IsType<MailboxAddress>(Assert.Single(message.To)).Name ?? "");
    }

    [Theory]
    [InlineData("")]
    [InlineData("alice")]
    [InlineData("alice@")]
    [InlineData("not an address")]
    [InlineData("Alice <alice@example.com>")]
    [InlineData("alice@example.com, bob@example.com")]
    public void Compose_InvalidAddress_ThrowsPermanentInvalidEmailAddress(string address)
    {
        var ex = Assert.Throws<PermanentEventException>(() => EmailTestData.Composer().Compose(EmailTestData.Email(address)));

        Assert.Equal(DeadLetterReasons.InvalidEmailAddress, ex.Reason);
        Assert.DoesNotContain(EmailTestData.Password, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WelcomeEmail_ToString_LeavesThePasswordOut()
    {
        var text = EmailTestData.Email().ToString();

        Assert.Contains("alice.smith", text, StringComparison.Ordinal);
        Assert.DoesNotContain(EmailTestData.Password, text, StringComparison.Ordinal);
    }
}
