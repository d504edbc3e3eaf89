using System.Net;
using System.Text;
using CoworkSync.Messaging.Processing;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;

namespace CoworkSync.Members.WelcomeEmails;

/// <summary>
/// Builds the welcome email: plain text with the lines <c>Username: …</c> and <c>Password: …</c>, the network name
/// and how to connect, the member portal's address when it is known, plus the same as simple HTML (no images, nothing
/// loaded from elsewhere, no link but the portal's).
/// </summary>
public sealed class WelcomeEmailComposer(IOptions<EmailOptions> options, TimeProvider timeProvider)
{
    /// <summary>The standard steps for a WPA2/WPA3-Enterprise network; <c>{0}</c> is the network name.</summary>
    public const string StandardConnectInstructions =
        "1. In your device's WiFi settings, choose the network \"{0}\" (WPA2/WPA3-Enterprise).\n" +
        "2. Enter the username and password above exactly as written; the password is case-sensitive.\n" +
        "3. If your device asks you to accept or trust the network's certificate, accept it.\n" +
        "4. If your device asks for more settings, choose EAP method PEAP with MSCHAPv2 as phase 2 authentication " +
        "(TTLS with PAP also works), and leave the anonymous identity empty.";

    /// <exception cref="PermanentEventException">
    /// The member's address is not an email address (reason <see cref="DeadLetterReasons.InvalidEmailAddress"/>).
    /// </exception>
    public MimeMessage Compose(WelcomeEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentException.ThrowIfNullOrWhiteSpace(email.Username);
        ArgumentException.ThrowIfNullOrEmpty(email.Password);
        if (!EmailAddresses.IsValid(email.ToAddress))
        {
            throw new PermanentEventException(DeadLetterReasons.InvalidEmailAddress,
                $"The welcome email for WiFi user {email.Username} cannot be sent: '{email.ToAddress}' is not an email address.");
        }

        var settings = options.Value;
        var network = string.IsNullOrWhiteSpace(email.NetworkName) ? settings.NetworkName : email.NetworkName.Trim();
        var instructions = string.IsNullOrWhiteSpace(email.ConnectInstructions)
            ? string.Format(System.Globalization.CultureInfo.InvariantCulture, StandardConnectInstructions, network)
            : email.ConnectInstructions.Trim();
        var from = new MailboxAddress(settings.SenderName, settings.EffectiveSenderAddress);

        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(new MailboxAddress(email.ToName?.Trim() ?? "", email.ToAddress.Trim()));
        message.Subject = $"Your WiFi access: {network}";
        message.Date = timeProvider.GetUtcNow();
        message.MessageId = MimeUtils.GenerateMessageId(from.Domain);
        var portal = string.IsNullOrWhiteSpace(settings.PortalUrl) ? null : settings.PortalUrl.Trim();
        message.Body = new BodyBuilder
        {
            TextBody = Text(email, settings.SenderName, network, instructions, portal),
            HtmlBody = Html(email, settings.SenderName, network, instructions, portal),
        }.ToMessageBody();
        return message;
    }

    /// <summary>The line that sends members to the portal; the address follows it.</summary>
    public const string PortalLine = "Your password, how to connect each of your devices and the hours you have left are in the member portal:";

    private static string Text(WelcomeEmail email, string senderName, string network, string instructions, string? portal)
    {
        var text = new StringBuilder();
        text.Append(Greeting(email.ToName)).Append('\n').Append('\n');
        text.Append("Your WiFi account is ready. Connect with these credentials:\n\n");
        text.Append("Network: ").Append(network).Append('\n');
        text.Append("Username: ").Append(email.Username).Append('\n');
        text.Append("Password: ").Append(email.Password).Append('\n').Append('\n');
        text.Append("How to connect:\n").Append(instructions).Append('\n').Append('\n');
        text.Append("Keep this email: you need the same username and password on every device you connect.\n\n");
        if (portal is not null)
            text.Append(PortalLine).Append('\n').Append(portal).Append("\n\n");
        text.Append(senderName).Append('\n');
        return text.ToString();
    }

    private static string Html(WelcomeEmail email, string senderName, string network, string instructions, string? portal)
    {
        static string E(string value) => WebUtility.HtmlEncode(value);

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html><body style=\"font-family: sans-serif; line-height: 1.5\">\n");
        html.Append("<p>").Append(E(Greeting(email.ToName))).Append("</p>\n");
        html.Append("<p>Your WiFi account is ready. Connect with these credentials:</p>\n");
        html.Append("<table style=\"border-collapse: collapse\">\n");
        html.Append("<tr><td style=\"padding: 2px 12px 2px 0\">Network:</td><td><strong>").Append(E(network)).Append("</strong></td></tr>\n");
        html.Append("<tr><td style=\"padding: 2px 12px 2px 0\">Username:</td><td><code style=\"font-size: 1.2em\">").Append(E(email.Username)).Append("</code></td></tr>\n");
        html.Append("<tr><td style=\"padding: 2px 12px 2px 0\">Password:</td><td><code style=\"font-size: 1.2em\">").Append(E(email.Password)).Append("</code></td></tr>\n");
        html.Append("</table>\n");
        html.Append("<p>How to connect:</p>\n<p>");
        html.Append(string.Join("<br>\n", instructions.Split('\n').Select(line => E(line.TrimEnd('\r')))));
        html.Append("</p>\n");
        html.Append("<p>Keep this email: you need the same username and password on every device you connect.</p>\n");
        if (portal is not null)
            html.Append("<p>").Append(E(PortalLine)).Append("<br>\n<a href=\"").Append(E(portal)).Append("\">").Append(E(portal)).Append("</a></p>\n");
        html.Append("<p>").Append(E(senderName)).Append("</p>\n</body></html>\n");
        return html.ToString();
    }

    private static string Greeting(string? name) => string.IsNullOrWhiteSpace(name) ? "Hello," : $"Hello {name.Trim()},";
}
