using CoworkSync.Members.WelcomeEmails;
using CoworkSync.Messaging.Events;
using CoworkSync.Outcomes;

namespace CoworkSync.MemberPortal.SignInLinks;

/// <summary>
/// The portal's "email me a sign-in link": checks the address's form and the request limits, then queues the request
/// (<see cref="SignInLinkRequestedEvent"/>). It never looks the address up itself: what it does and how long it takes do
/// not depend on whether a member has that address.
/// </summary>
public sealed class SignInLinkRequests(SignInLinkLimits limits, IEventPublisher publisher, TimeProvider time)
{
    public const int MaxEmailLength = 254;

    /// <summary>What the page tells everyone whose request was taken.</summary>
    public const string Sent = "If that address belongs to a member with a WiFi account, a sign-in link is on its way to it. " +
        "It works once, for 15 minutes. Check your spam folder if it does not arrive in a few minutes.";

    /// <summary>Done when queued; invalid for an address that is not one; a conflict when a limit is reached.</summary>
    public async Task<Outcome<string>> RequestAsync(string? email, string clientAddress, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > MaxEmailLength || !EmailAddresses.IsValid(email.Trim()))
            return Outcome<string>.Invalid("email", "Enter your email address, such as name@example.com.");
        if (!await limits.TryTakeAsync(email, clientAddress, cancellationToken))
            return Outcome<string>.Conflict("Too many sign-in links were asked for. Wait an hour, then ask again.");
        var envelope = SignInLinkRequestedEvent.Envelope(EmailKeys.Normalize(email), time.GetUtcNow());
        await publisher.PublishAsync(envelope, PublishOptions.First(envelope), cancellationToken);
        return Outcome<string>.Done(Sent);
    }
}
