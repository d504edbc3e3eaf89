using CoworkSync.Access;
using CoworkSync.Connectors;
using CoworkSync.Members.Accounts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoworkSync.NetworkAccess;

/// <summary>
/// Decides at RADIUS time whether a user may connect, and on what terms: the account (a point read), its groups'
/// merged access, the location of the asking NAS, the time window, the hours left in the billing cycle (a second
/// point read) and the member's other devices already connected. No platform is called.
/// </summary>
public sealed partial class RadiusAuthorizer(
    AccountStore accounts,
    UsageStore usage,
    ConnectorCache connectors,
    AccessGroupStore groups,
    IPasswordProtector passwords,
    TimeProvider time,
    IOptions<RadiusOptions> options,
    ILogger<RadiusAuthorizer> logger)
{
    public async Task<RadiusAnswer> AuthorizeAsync(RadiusAttributes request, CancellationToken cancellationToken)
    {
        var username = request.String("User-Name")?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(username))
            return RadiusAnswer.NotFound;
        var account = await accounts.GetAsync(username, cancellationToken);
        if (account is null)
            return RadiusAnswer.NotFound;

        var answer = await DecideAsync(account, request, cancellationToken);
        LogDecision(username, answer.StatusCode, answer.StatusCode == RadiusAnswer.Denied ? Reason(answer) : null);
        return answer;
    }

    private async Task<RadiusAnswer> DecideAsync(WifiAccount account, RadiusAttributes request, CancellationToken cancellationToken)
    {
        if (!account.Enabled)
            return RadiusAnswer.Deny($"Access disabled: {account.DisabledReason ?? "membership not active"}.");
        var connector = await connectors.GetAsync(account.ConnectorId, cancellationToken);
        if (connector is null)
            return RadiusAnswer.Deny("Access disabled: the space is no longer connected.");

        var nasLocation = RadiusLocations.Of(connector, request);
        if (nasLocation is null)
            return RadiusAnswer.Deny("This access point is not known to your space.");
        // A member whose platform names no location belongs to all of the connector's locations.
        if (!connector.Settings.AllowAllLocations && account.LocationId is { } home && home != nasLocation.Id)
            return RadiusAnswer.Deny("Not at this location: your membership is for another location.");

        var access = AccessGroupMerger.Merge(await groups.ResolveAsync(account.Groups, cancellationToken));
        if (!access.HasAccess)
            return RadiusAnswer.Deny("Your plan gives no WiFi access.");

        var now = time.GetUtcNow();
        var schedule = AccessSchedule.Evaluate(access, now, RadiusLocations.Zone(nasLocation));
        if (!schedule.Allowed)
            return RadiusAnswer.Deny("Outside the allowed hours.");

        var cycle = AccountCycle.Containing(account, now, RadiusLocations.MemberZone(connector, account));
        var used = await usage.GetAsync(account.Username, cycle.Key, cancellationToken);
        var remaining = AccountCycle.RemainingSeconds(access, used);
        if (remaining <= 0)
            return RadiusAnswer.Deny($"Hours used up until {cycle.End:yyyy-MM-dd}.");
        if (access.MaxConcurrentSessions is { } max && used.OpenSessions(now, access.AcctInterimIntervalSeconds, CallingStation.Of(request)) >= max)
            return RadiusAnswer.Deny($"Too many devices: at most {max} at a time.");

        var password = await passwords.UnprotectAsync(account.ProtectedPassword, account.Username, cancellationToken);
        return new RadiusAnswer(RadiusAnswer.Allowed, RadiusReply.For(password, access,
            SessionTimeout.For(access, remaining, schedule.WindowEnd, now, options.Value.MaxSessionTimeoutSeconds)));
    }

    private static string Reason(RadiusAnswer answer) =>
        answer.Attributes?.GetValueOrDefault("reply:Reply-Message") is Dictionary<string, object> literal && literal["value"] is string[] values ? values[0] : "";

    [LoggerMessage(EventId = 1300, EventName = "RadiusAuthorized", Level = LogLevel.Information, Message = "RADIUS authorize of {Username}: {StatusCode} {DenyReason}")]
    private partial void LogDecision(string username, int statusCode, string? denyReason);
}
