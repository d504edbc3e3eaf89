using MimeKit;

namespace CoworkSync.Members.WelcomeEmails;

/// <summary>The rule for the addresses welcome emails use: one bare address with a domain, e.g. <c>alice@example.com</c>.</summary>
public static class EmailAddresses
{
    public static bool IsValid(string? address) =>
        !string.IsNullOrWhiteSpace(address)
        && MailboxAddress.TryParse(address.Trim(), out var mailbox)
        && string.IsNullOrEmpty(mailbox.Name)
        && !string.IsNullOrEmpty(mailbox.Domain)
        && !string.IsNullOrEmpty(mailbox.LocalPart);
}
