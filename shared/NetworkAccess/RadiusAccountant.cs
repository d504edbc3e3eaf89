using CoworkSync.Connectors;
using CoworkSync.Members.Accounts;
using Microsoft.Extensions.Logging;

namespace CoworkSync.NetworkAccess;

/// <summary>
/// Records accounting: Start, Interim-Update and Stop set a session's seconds in the current billing cycle, and the part
/// before the cycle's start in the previous one (<see cref="SessionSplit"/>); idempotent by Acct-Unique-Session-Id, the
/// highest Acct-Session-Time wins. A session new in the cycle is told to every <see cref="ISessionStartObserver"/>.
/// Accounting-On/Off closes the NAS's sessions. The account comes from <see cref="AccountCache"/> (what it needs, its
/// connector, cycle anchor and location, is not revocation-relevant); interims are written behind by
/// <see cref="UsageLedger"/>.
/// </summary>
public sealed partial class RadiusAccountant(
    AccountCache accounts,
    UsageLedger usage,
    UsageStore store,
    ConnectorCache connectors,
    IEnumerable<ISessionStartObserver> observers,
    TimeProvider time,
    ILogger<RadiusAccountant> logger)
{
    public async Task RecordAsync(RadiusAttributes request, CancellationToken cancellationToken)
    {
        var status = AccountingStatuses.Parse(request.String("Acct-Status-Type"));
        var nas = request.String("NAS-Identifier") ?? request.String("NAS-IP-Address");
        var now = time.GetUtcNow();
        if (status is AccountingStatus.AccountingOn or AccountingStatus.AccountingOff)
        {
            var closed = nas is null ? 0 : await CloseNasSessionsAsync(nas, now, cancellationToken);
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
        var (previous, _) = await usage.RecordAsync(account.Username, split.Current.Key, report, cancellationToken);
        if (previous is not null)
            return;
        // Once per session and cycle: the part before the cycle's start does not change as the session goes on. It is
        // closed there: the session goes on in the current cycle's row, which the NAS's index keeps pointing at.
        if (split.Earlier is { } earlier)
            await usage.RecordAsync(account.Username, earlier.Key, report with { Seconds = split.EarlierSeconds, Closes = true }, cancellationToken, indexNas: false);
        await NotifySessionStartedAsync(new SessionStart(account, connector, now, zone), cancellationToken);
    }

    /// <summary>Closes every open session a NAS reported (it restarted: Accounting-On/Off); returns how many.</summary>
    private async Task<int> CloseNasSessionsAsync(string nas, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var closed = 0;
        await foreach (var (sessionId, username, cycleKey) in store.OpenSessionsOfAsync(nas, cancellationToken))
        {
            await usage.RecordAsync(username, cycleKey, new SessionReport(sessionId, 0, Closes: true, nas, CallingStationId: null, now), cancellationToken);
            closed++;
        }
        return closed;
    }

    private async Task NotifySessionStartedAsync(SessionStart start, CancellationToken cancellationToken)
    {
        foreach (var observer in observers)
        {
            try
            {
                await observer.SessionStartedAsync(start, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                LogObserverFailed(ex, observer.GetType().Name, start.Account.Username);
            }
        }
    }

    [LoggerMessage(EventId = 1312, EventName = "RadiusSessionObserverFailed", Level = LogLevel.Warning, Message = "{Observer} failed on the session start of {Username}")]
    private partial void LogObserverFailed(Exception exception, string observer, string username);

    [LoggerMessage(EventId = 1310, EventName = "RadiusNasRestarted", Level = LogLevel.Information, Message = "NAS {Nas} sent {Status}: closed {Closed} open sessions")]
    private partial void LogNasRestart(string nas, AccountingStatus status, int closed);

    [LoggerMessage(EventId = 1311, EventName = "RadiusAccountingIgnored", Level = LogLevel.Warning, Message = "Accounting {Status} for {Username} ignored: no such account or no session id")]
    private partial void LogIgnored(string username, AccountingStatus status);
}
