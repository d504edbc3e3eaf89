using CoworkSync.Connectors;
using CoworkSync.Members.Accounts;
using Microsoft.Extensions.Logging;

namespace CoworkSync.NetworkAccess;

/// <summary>
/// Records accounting: Start, Interim-Update and Stop set a session's seconds in the billing cycle of the app's clock,
/// each second charged once (<see cref="SessionSplit"/>: the part before the cycle's start stays with the row the session
/// leaves); idempotent by Acct-Unique-Session-Id, the highest Acct-Session-Time wins. A session new in the cycle is told
/// to every <see cref="ISessionStartObserver"/>.
/// Accounting-On/Off closes the NAS's sessions. The account comes from <see cref="AccountCache"/> (what it needs, its
/// connector, cycle anchor and location, is not revocation-relevant); interims are written behind by
/// <see cref="UsageLedger"/>.
/// </summary>
public sealed partial class RadiusAccountant(
    AccountCache accounts,
    UsageLedger usage,
    NasSessionIndex index,
    ConnectorCache connectors,
    IEnumerable<ISessionStartObserver> observers,
    TimeProvider time,
    ILogger<RadiusAccountant> logger)
{
    private const int MaxMoves = 24;

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
        var last = status == AccountingStatus.Start ? null : await LastChargeAsync(account.Username, sessionId, nas, AccountCycle.Containing(account, now, zone).Key, cancellationToken);
        var split = SessionSplit.Of(account, seconds, now, zone, last);
        var report = new SessionReport(sessionId, seconds, Closes: status == AccountingStatus.Stop, nas, CallingStation.Of(request), now, split.ChargedBefore);
        // The row the session leaves is closed first (moved on, not ended): should the app stop between the two writes,
        // the session's next report finds it there again and charges the new row the same.
        if (split.LeftCycleKey is { } left && (last is not null || await usage.FindAsync(account.Username, split.CycleKey, sessionId, cancellationToken) is null))
            await usage.RecordAsync(account.Username, left, report with { Seconds = split.ChargedBefore, ChargedBefore = last?.ChargedBefore ?? 0, Closes = true, MovedTo = split.CycleKey }, cancellationToken, indexNas: false);
        var (previous, _) = await usage.RecordAsync(account.Username, split.CycleKey, report, cancellationToken);
        if (previous is null)
            await NotifySessionStartedAsync(new SessionStart(account, connector, now, zone), cancellationToken);
    }

    /// <summary>
    /// The row the session was charged in last, when it is not open in the cycle of the app's clock: the row it moved
    /// on to from there, else the row the NAS's index points at (a point read, only when the cycle changed). Null when
    /// the session is open in the clock's cycle, or no row is known (its first report, or no NAS named).
    /// </summary>
    private async Task<SessionCharge?> LastChargeAsync(string username, string sessionId, string? nas, string clockCycleKey, CancellationToken cancellationToken)
    {
        var cycleKey = clockCycleKey;
        var session = await usage.FindAsync(username, cycleKey, sessionId, cancellationToken);
        for (var hop = 0; session?.MovedTo is { } movedTo && hop < MaxMoves; hop++)
        {
            cycleKey = movedTo;
            session = await usage.FindAsync(username, cycleKey, sessionId, cancellationToken);
        }
        if (session is not null)
            return cycleKey == clockCycleKey ? null : SessionCharge.In(cycleKey, session);
        if (nas is null || await index.OpenCycleOfAsync(nas, sessionId, cancellationToken) is not { } indexed || indexed == clockCycleKey)
            return null;
        return await usage.FindAsync(username, indexed, sessionId, cancellationToken) is { } there ? SessionCharge.In(indexed, there) : null;
    }

    /// <summary>Closes every open session a NAS reported (it restarted: Accounting-On/Off); returns how many.</summary>
    private async Task<int> CloseNasSessionsAsync(string nas, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var closed = 0;
        await foreach (var (sessionId, username, cycleKey) in index.OpenSessionsOfAsync(nas, cancellationToken))
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
