using System.Globalization;
using System.Text.Json;
using CoworkSync.Connectors;
using CoworkSync.Members.Records;
using CoworkSync.Members.WelcomeEmails;
using CoworkSync.Messaging.Events;
using CoworkSync.Messaging.Processing;
using Microsoft.Extensions.Options;

namespace CoworkSync.MemberPortal.Passwords;

/// <summary>
/// Tells a member that their WiFi password was changed, by email to their address at the platform: when, for which
/// account, where to read the new one, and what to do if it was not them. Never the password.
/// </summary>
public sealed class PasswordChangedNoticeHandler(
    MemberStore members, ConnectorCache connectors, MemberEmailComposer composer, IMemberEmailSender sender, IOptions<EmailOptions> options) : IEventHandler
{
    public const string Subject = "Your WiFi password was changed";

    public string EventType => PasswordChangedEvent.Type;

    public async Task HandleAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        var notice = envelope.Payload.Deserialize<PasswordChangedEvent>()
            ?? throw new PermanentEventException(DeadLetterReasons.InvalidPayload, "The password change notice has no payload.");
        var member = await members.GetAsync(envelope.ConnectorId, notice.MemberId, cancellationToken);
        if (member?.Platform.Email is not { Length: > 0 } address)
            throw new PermanentEventException(AccessReasons.NoEmail, $"Member {notice.MemberId} has no email address.");
        var connector = await connectors.GetAsync(envelope.ConnectorId, cancellationToken);
        var space = connector?.DisplayName ?? envelope.ConnectorId;
        var name = $"{member.Platform.FirstName} {member.Platform.LastName}".Trim();
        var portal = string.IsNullOrWhiteSpace(options.Value.PortalUrl) ? null : new Uri(options.Value.PortalUrl.Trim());
        var message = composer.Compose(address, name.Length > 0 ? name : null, Subject,
        [
            $"The password of your WiFi account {notice.Username} at {space} was changed in the member portal on " +
                notice.ChangedAt.UtcDateTime.ToString("dddd d MMMM yyyy 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture) + ".",
            "Your devices need the new password: it is in the member portal." + (portal is null ? "" : " Sign in here:"),
            "If you did not change it, tell the space's staff at once.",
        ], portal, linkAfterParagraph: 1);
        await sender.SendAsync(new MemberEmail(message, address, "password change notice", notice.Username), cancellationToken);
    }
}
