using System.Text.Json;
using CoworkSync.Connectors.Seam;
using CoworkSync.Members.Accounts;
using CoworkSync.Members.Lookup;
using CoworkSync.Members.WelcomeEmails;
using CoworkSync.Messaging.Events;
using CoworkSync.Messaging.Processing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoworkSync.MemberPortal.SignInLinks;

/// <summary>
/// Sends the sign-in link: the members with a WiFi account whose email at their platform is the address asked for (found
/// through the members' email index, <see cref="MemberLookup.ByEmailAsync"/>, which reads each member to confirm it;
/// members gone from their platform excluded), a new link for all of them, and the email to that address. An address
/// that is no such member's gets nothing, and nobody is told.
/// </summary>
public sealed partial class SignInLinkHandler(
    MemberLookup lookup,
    AccountStore accounts,
    SignInLinkTokens tokens,
    MemberEmailComposer composer,
    IMemberEmailSender sender,
    IOptions<EmailOptions> email,
    IOptions<SignInLinkOptions> options,
    ILogger<SignInLinkHandler> logger) : IEventHandler
{
    public const string Subject = "Your sign-in link for the WiFi portal";
    public const string LinkPath = "/sign-in/link";

    public string EventType => SignInLinkRequestedEvent.Type;

    public async Task HandleAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        var request = envelope.Payload.Deserialize<SignInLinkRequestedEvent>()
            ?? throw new PermanentEventException(DeadLetterReasons.InvalidPayload, "The sign-in link request has no payload.");
        var address = EmailKeys.Normalize(request.Email);
        var found = new List<(ProvenMember Member, string Name)>();
        foreach (var member in await lookup.ByEmailAsync(address, cancellationToken))
        {
            if (member.Gone || member.Username is not { } username)
                continue;
            var candidate = new ProvenMember(member.ConnectorId, member.Platform.MemberId);
            if (await accounts.GetAsync(username, cancellationToken) is { } account && account.BelongsTo(candidate.ConnectorId, candidate.MemberId))
                found.Add((candidate, $"{member.Platform.FirstName} {member.Platform.LastName}".Trim()));
        }
        if (found.Count == 0)
        {
            LogNoMember();
            return;
        }
        if (string.IsNullOrWhiteSpace(email.Value.PortalUrl))
            throw new PermanentEventException("PortalUrlMissing", "Email:PortalUrl is not set, so a sign-in link cannot be made.");

        var token = await tokens.IssueAsync(address, [.. found.Select(f => f.Member)], cancellationToken);
        var link = new Uri(email.Value.PortalUrl.Trim().TrimEnd('/') + LinkPath + "?token=" + Uri.EscapeDataString(token));
        var minutes = (int)options.Value.LinkLifetime.TotalMinutes;
        var name = found.Select(f => f.Name).FirstOrDefault(n => n.Length > 0);
        var message = composer.Compose(address, name, Subject,
        [
            "Open this link to sign in to the WiFi portal, where you can see your WiFi password, connect your devices and see your hours:",
            $"The link works once, for {minutes} minutes. If you did not ask for it, ignore this email: nothing happens without it.",
        ], link, linkAfterParagraph: 0);
        await sender.SendAsync(new MemberEmail(message, address, "sign-in link", address), cancellationToken);
        LogSent(found.Count);
    }

    [LoggerMessage(EventId = 1700, EventName = "SignInLinkNoMember", Level = LogLevel.Information, Message = "A sign-in link was asked for an address no member with a WiFi account has: nothing sent")]
    private partial void LogNoMember();

    [LoggerMessage(EventId = 1701, EventName = "SignInLinkSent", Level = LogLevel.Information, Message = "Sent a sign-in link for {Members} members")]
    private partial void LogSent(int members);
}
