using CoworkSync.Connectors.Seam;
using CoworkSync.Messaging.Events;
using CoworkSync.NetworkAccess;

namespace CoworkSync.Platforms.Cobot;

/// <summary>
/// A Cobot member's WiFi session started: their check-in for that local day is queued (applied once, by the event's
/// id), never made on the RADIUS path. The send may take at most <see cref="SendTimeout"/>, well within rlm_rest's
/// accounting timeout; a send that fails or is late loses only this attempt: the next session start that day queues it again.
/// </summary>
public sealed class CobotCheckInQueue(IEventPublisher publisher, TimeProvider time) : ISessionStartObserver
{
    public static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(2);

    public async Task SessionStartedAsync(SessionStart start, CancellationToken cancellationToken)
    {
        if (start.Connector?.Platform != CobotPlatform.PlatformName)
            return;
        var account = start.Account;
        var envelope = CobotCheckInEvent.Envelope(account.ConnectorId, account.MemberId, account.Username, start.LocalDay, start.At);
        using var late = new CancellationTokenSource(SendTimeout, time);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, late.Token);
        await publisher.PublishAsync(envelope, PublishOptions.First(envelope), bounded.Token);
    }
}
