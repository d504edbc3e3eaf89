using System.Text.Json;
using CoworkSync.Connectors;
using CoworkSync.Members.Accounts;
using CoworkSync.Members.Records;
using CoworkSync.Messaging.Events;
using CoworkSync.Messaging.Processing;

namespace CoworkSync.Members.WelcomeEmails;

/// <summary>
/// Sends a member their WiFi credentials, with the network name of their location when the operator set one. The first
/// email goes once; a resend goes when asked for.
/// </summary>
public sealed class WelcomeEmailHandler(
    AccountStore accounts, MemberStore members, ConnectorCache connectors, IPasswordProtector passwords, IWelcomeEmailSender sender, TimeProvider time) : IEventHandler
{
    public string EventType => WelcomeEmailEvent.Type;

    public async Task HandleAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        var request = envelope.Payload.Deserialize<WelcomeEmailEvent>()
            ?? throw new PermanentEventException(DeadLetterReasons.InvalidPayload, "The welcome email event has no payload.");
        var account = await accounts.GetAsync(request.Username, cancellationToken)
            ?? throw new PermanentEventException("UnknownAccount", $"There is no account '{request.Username}'.");
        if (!account.Enabled || (account.WelcomeEmailSentAt is not null && !request.Resend))
            return;
        var member = await members.GetAsync(account.ConnectorId, account.MemberId, cancellationToken);
        if (member?.Platform.Email is not { Length: > 0 } email)
            throw new PermanentEventException(AccessReasons.NoEmail, $"Member {account.MemberId} has no email address.");

        var password = await passwords.UnprotectAsync(account.ProtectedPassword, account.Username, cancellationToken);
        var name = $"{member.Platform.FirstName} {member.Platform.LastName}".Trim();
        var location = MemberLocation.Of(await connectors.GetAsync(account.ConnectorId, cancellationToken), account.LocationId);
        await sender.SendAsync(new WelcomeEmail(email, name.Length > 0 ? name : null, account.Username, password) { NetworkName = location?.NetworkName }, cancellationToken);

        await accounts.ChangeAsync(account, current => current with { WelcomeEmailSentAt = time.GetUtcNow() }, cancellationToken);
    }
}
