using MimeKit;

namespace CoworkSync.Members.WelcomeEmails;

/// <summary>
/// A composed email to a member. <see cref="ToString"/> names only its kind and user name: its body may hold a
/// sign-in link.
/// </summary>
/// <param name="Message">The message, from <see cref="MemberEmailComposer"/>.</param>
/// <param name="ToAddress">The member's address (the message's To).</param>
/// <param name="Kind">What it is, for logs (<c>sign-in link</c>).</param>
/// <param name="Username">The WiFi user name it concerns, for logs; or the address when there is none.</param>
public sealed record MemberEmail(MimeMessage Message, string ToAddress, string Kind, string Username)
{
    public override string ToString() => $"MemberEmail {{ Kind = {Kind}, Username = {Username} }}";
}
