using CoworkSync.Connectors;
using CoworkSync.Connectors.Cobot;
using CoworkSync.Events;
using CoworkSync.Provisioning;
using Microsoft.Extensions.Logging;

namespace CoworkSync.Radius;

/// <summary>
/// Records accounting: Start, Interim-Update and Stop set a session's seconds in the current billing cycle, and the part
/// before the cycle's start in the previous one (<see cref="SessionSplit"/>); idempotent by Acct-Unique-Session-Id, the
/// highest Acct-Session-Time wins. Accounting-On/Off closes the NAS's sessions.
/// </summary>
public sealed partial class RadiusAccountant(
    AccountStore accounts, UsageStore usage, ConnectorCache connectors, IEventPublisher publisher, TimeProvider time, ILogger<RadiusAccountant> logger)
{
    public async Task RecordAsync(RadiusAttributes request, CancellationToken cancellationToken)
    {
        var status = AccountingStatuses.Parse(request.String("Acct-Status-Type"));
        var nas = request.String("NAS-Identifier") ?? request.String("NAS-IP-Address");
        var now = time.GetUtcNow();
        if (status is AccountingStatus.AccountingOn or AccountingStatus.AccountingOff)
        {
            var closed = nas is null ? 0 : await usage.CloseNasSessionsAsync(nas, now, cancellationToken);
            LogNasRestart(nas ?? "(unknown)", status, closed);
            return;
        }
        if (status == AccountingStatus.Unknown)
            return;

        var username = request.String("User-Name")?.Trim().ToLowerInvariant();
        var sessionId = request.String("Acct-Unique-Session-Id") ?? request.String("Acct-Session-Id");
        var account = string.IsNullOrEmpty(username) ? null : await accounts.GetAsync(username, cancellationToken);
        if (account is null || string.IsNullOrEmpty(sessionId))
        {
            LogIgnored(username ?? "(none)", status);
            return;
        }

        var seconds = Math.Max(0, request.Integer("Acct-Session-Time") ?? 0);
        var connector = await connectors.GetAsync(account.ConnectorId, cancellationToken);
        var zone = RadiusLocations.MemberZone(connector, account);
        var split = SessionSplit.Of(account, seconds, now, zone);
        var report = new SessionReport(sessionId, split.CurrentSeconds, Closes: status == AccountingStatus.Stop, nas, CallingStation.Of(request), now);
        if (split.Earlier is { } earlier)
            await usage.RecordEarlierPartAsync(account.Username, earlier.Key, report with { Seconds = split.EarlierSeconds }, cancellationToken);
        await usage.RecordAsync(account.Username, split.Current.Key, report, cancellationToken);
        if (status == AccountingStatus.Start && connector?.Platform == Platforms.Cobot)
            await QueueCobotCheckInAsync(account, TimeZoneInfo.ConvertTime(now, zone), now, cancellationToken);
    }

    /// <summary>
    /// A Cobot member's session started: their check-in is queued (once per local day, by its event id), never made
    /// here. A queue failure loses only this attempt: the next session start that day queues it again.
    /// </summary>
    private async Task QueueCobotCheckInAsync(WifiAccount account, DateTimeOffset localNow, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var envelope = CobotCheckInEvent.Envelope(account.ConnectorId, account.MemberId, account.Username, DateOnly.FromDateTime(localNow.DateTime), now);
        try
        {
            await publisher.PublishAsync(envelope, PublishOptions.First(envelope), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCheckInNotQueued(ex, account.Username);
        }
    }

    [LoggerMessage(EventId = 912, Level = LogLevel.Warning, Message = "Could not queue the Cobot check-in of {Username}")]
    private partial void LogCheckInNotQueued(Exception exception, string username);

    [LoggerMessage(EventId = 910, Level = LogLevel.Information, Message = "NAS {Nas} sent {Status}: closed {Closed} open sessions")]
    private partial void LogNasRestart(string nas, AccountingStatus status, int closed);

    [LoggerMessage(EventId = 911, Level = LogLevel.Warning, Message = "Accounting {Status} for {Username} ignored: no such account or no session id")]
    private partial void LogIgnored(string username, AccountingStatus status);
}
