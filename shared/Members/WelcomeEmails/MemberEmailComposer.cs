using System.Net;
using System.Text;
using CoworkSync.Messaging.Processing;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;

namespace CoworkSync.Members.WelcomeEmails;

/// <summary>
/// Composes the short emails members get besides the welcome email: from the configured sender, plain text paragraphs
/// with the same as simple HTML (no images, nothing loaded from elsewhere; a link only where the caller gives one).
/// </summary>
public sealed class MemberEmailComposer(IOptions<EmailOptions> options, TimeProvider time)
{
    /// <param name="toAddress">The member's address.</param>
    /// <param name="toName">Their name for the greeting; null for none.</param>
    /// <param name="subject">The subject.</param>
    /// <param name="paragraphs">The body, paragraph by paragraph, after the greeting.</param>
    /// <param name="link">A link shown on its own line after <paramref name="linkAfterParagraph"/> (and as a link in HTML); null for none.</param>
    /// <param name="linkAfterParagraph">The index of the paragraph the link follows.</param>
    /// <exception cref="PermanentEventException">The address is not an email address (reason <see cref="DeadLetterReasons.InvalidEmailAddress"/>).</exception>
    public MimeMessage Compose(string toAddress, string? toName, string subject, IReadOnlyList<string> paragraphs, Uri? link = null, int linkAfterParagraph = 0)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        if (!EmailAddresses.IsValid(toAddress))
            throw new PermanentEventException(DeadLetterReasons.InvalidEmailAddress, $"An email cannot be sent to '{toAddress}': it is not an email address.");
        var settings = options.Value;
        var from = new MailboxAddress(settings.SenderName, settings.EffectiveSenderAddress);
        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(new MailboxAddress(toName?.Trim() ?? "", toAddress.Trim()));
        message.Subject = subject;
        message.Date = time.GetUtcNow();
        message.MessageId = MimeUtils.GenerateMessageId(from.Domain);

        var greeting = string.IsNullOrWhiteSpace(toName) ? "Hello," : $"Hello {toName.Trim()},";
        var text = new StringBuilder().Append(greeting).Append("\n\n");
        var html = new StringBuilder("<!DOCTYPE html>\n<html><body style=\"font-family: sans-serif; line-height: 1.5\">\n");
        html.Append("<p>").Append(WebUtility.HtmlEncode(greeting)).Append("</p>\n");
        for (var i = 0; i < paragraphs.Count; i++)
        {
            text.Append(paragraphs[i]).Append("\n\n");
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraphs[i])).Append("</p>\n");
            if (link is not null && i == linkAfterParagraph)
            {
                text.Append(link.AbsoluteUri).Append("\n\n");
                var href = WebUtility.HtmlEncode(link.AbsoluteUri);
                html.Append("<p><a href=\"").Append(href).Append("\">").Append(href).Append("</a></p>\n");
            }
        }
        text.Append(settings.SenderName).Append('\n');
        html.Append("<p>").Append(WebUtility.HtmlEncode(settings.SenderName)).Append("</p>\n</body></html>\n");
        message.Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody();
        return message;
    }
}
