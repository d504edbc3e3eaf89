using System.Globalization;
using CoworkSync.Access;
using CoworkSync.Connectors;
using CoworkSync.Members.Accounts;

namespace CoworkSync.NetworkAccess;

/// <summary>
/// The RADIUS authorize decision as a pure function of what it reads: the account, its connector, its groups in force,
/// the request, the moment and, once it gets that far, the billing cycle's usage. It is split at that one storage read
/// (<see cref="Start"/>, then <see cref="Finish"/> with the usage of <see cref="AuthorizeStart.Cycle"/>), so a request
/// denied earlier never reads usage. Each check is recorded in <c>steps</c> when a list is given (the console's "why
/// can't they connect?"); on the hot path it is null and no step is made.
/// </summary>
public static class AuthorizeDecision
{
    /// <summary>The checks before the hours: the account, its space, the access point, the location, the groups, the time window.</summary>
    /// <param name="account">The account the user name names.</param>
    /// <param name="connector">The account's connector; null when it is gone.</param>
    /// <param name="groups">The account's groups in force (ids of no group left out).</param>
    /// <param name="request">The RADIUS request's attributes.</param>
    /// <param name="now">The moment decided for.</param>
    /// <param name="steps">Where each check is recorded; null records nothing.</param>
    public static AuthorizeStart Start(
        WifiAccount account, Connector? connector, IReadOnlyList<AccessGroup> groups, RadiusAttributes request, DateTimeOffset now, List<AuthorizeStep>? steps)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(request);
        if (!account.Enabled)
        {
            steps?.Add(new(AuthorizeCheck.Account, false, $"The account {account.Username} is disabled: {account.DisabledReason ?? "membership not active"}."));
            return AuthorizeStart.Deny($"Access disabled: {account.DisabledReason ?? "membership not active"}.");
        }
        steps?.Add(new(AuthorizeCheck.Account, true, $"The account {account.Username} is enabled."));

        if (connector is null)
        {
            steps?.Add(new(AuthorizeCheck.Space, false, $"The account's connector '{account.ConnectorId}' no longer exists."));
            return AuthorizeStart.Deny("Access disabled: the space is no longer connected.");
        }
        steps?.Add(new(AuthorizeCheck.Space, true, $"The account belongs to connector '{connector.Id}' ({connector.DisplayName})."));

        var nasLocation = RadiusLocations.Of(connector, request);
        if (nasLocation is null)
        {
            steps?.Add(new(AuthorizeCheck.AccessPoint, false, UnknownAccessPoint(connector, request)));
            return AuthorizeStart.Deny("This access point is not known to your space.");
        }
        steps?.Add(new(AuthorizeCheck.AccessPoint, true, $"The access point is at location {nasLocation.Name} ({nasLocation.Id}): it matches {string.Join(", ", nasLocation.NasPatterns)}."));

        // A member whose platform names no location belongs to all of the connector's locations.
        if (!connector.Settings.AllowAllLocations && account.LocationId is { } home && home != nasLocation.Id)
        {
            steps?.Add(new(AuthorizeCheck.Location, false, $"The member's location is {home}, not {nasLocation.Id}, and the connector does not allow all locations."));
            return AuthorizeStart.Deny("Not at this location: your membership is for another location.");
        }
        steps?.Add(new(AuthorizeCheck.Location, true,
            connector.Settings.AllowAllLocations ? "The connector lets members use all of its locations."
            : account.LocationId is null ? "The platform names no location for the member: all of the connector's locations are theirs."
            : $"The member's location is {account.LocationId}."));

        var access = AccessGroupMerger.Merge(groups);
        if (!access.HasAccess)
        {
            steps?.Add(new(AuthorizeCheck.Groups, false, account.Groups.Count == 0
                ? "The account is in no access group."
                : $"None of the account's groups ({string.Join(", ", account.Groups)}) is in force."));
            return AuthorizeStart.Deny("Your plan gives no WiFi access.");
        }
        steps?.Add(new(AuthorizeCheck.Groups, true, $"Groups {string.Join(", ", access.GroupIds)} give access."));

        var zone = RadiusLocations.Zone(nasLocation);
        var schedule = AccessSchedule.Evaluate(access, now, zone);
        if (!schedule.Allowed)
        {
            steps?.Add(new(AuthorizeCheck.TimeWindow, false, $"{LocalTime(now, zone)} is outside the groups' time windows ({Windows(access)})."));
            return AuthorizeStart.Deny("Outside the allowed hours.");
        }
        steps?.Add(new(AuthorizeCheck.TimeWindow, true, access.TimeWindows is null
            ? $"{LocalTime(now, zone)}: the groups allow every hour of the week."
            : $"{LocalTime(now, zone)} is within the groups' time windows ({Windows(access)})" + (schedule.WindowEnd is { } end ? $", until {LocalTime(end, zone)}." : ".")));

        var cycle = AccountCycle.Containing(account, now, RadiusLocations.MemberZone(connector, account));
        return new AuthorizeStart(null, access, schedule, cycle);
    }

    /// <summary>The checks that need the billing cycle's usage: the hours left, the devices online.</summary>
    /// <param name="start">What <see cref="Start"/> found (not denied).</param>
    /// <param name="used">The usage of <see cref="AuthorizeStart.Cycle"/>.</param>
    /// <param name="request">The RADIUS request's attributes.</param>
    /// <param name="now">The moment decided for.</param>
    /// <param name="maxSessionTimeoutSeconds">The deployment's longest session.</param>
    /// <param name="steps">Where each check is recorded; null records nothing.</param>
    public static AuthorizeFinish Finish(AuthorizeStart start, CycleUsage used, RadiusAttributes request, DateTimeOffset now, int maxSessionTimeoutSeconds, List<AuthorizeStep>? steps)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(used);
        if (start.Access is not { } access || start.Cycle is not { } cycle)
            throw new ArgumentException("Only a start that was not denied can be finished.", nameof(start));

        var remaining = AccountCycle.RemainingSeconds(access, used);
        if (remaining <= 0)
        {
            steps?.Add(new(AuthorizeCheck.Hours, false, $"{HoursOf(used.UsedSeconds)} used of {HoursText(access.HoursPerCycle)} in the cycle that ends {Day(cycle.End)}."));
            return AuthorizeFinish.Deny($"Hours used up until {cycle.End:yyyy-MM-dd}.");
        }
        steps?.Add(new(AuthorizeCheck.Hours, true, remaining is { } left
            ? $"{HoursOf(used.UsedSeconds)} used of {HoursText(access.HoursPerCycle)}: {HoursOf(left)} left until {Day(cycle.End)}."
            : $"The groups set no hours limit ({HoursOf(used.UsedSeconds)} used in the cycle that ends {Day(cycle.End)})."));

        if (access.MaxConcurrentSessions is { } max)
        {
            var online = used.OpenSessions(now, access.AcctInterimIntervalSeconds, CallingStation.Of(request));
            if (online >= max)
            {
                steps?.Add(new(AuthorizeCheck.Devices, false, $"{Devices(online)} of the member's online already; at most {max} at a time."));
                return AuthorizeFinish.Deny($"Too many devices: at most {max} at a time.");
            }
            steps?.Add(new(AuthorizeCheck.Devices, true, $"{Devices(online)} of the member's online (this one not counted); at most {max} at a time."));
        }
        else
        {
            steps?.Add(new(AuthorizeCheck.Devices, true, "The groups set no device limit."));
        }

        return new AuthorizeFinish(null, access, SessionTimeout.For(access, remaining, start.Schedule.WindowEnd, now, maxSessionTimeoutSeconds));
    }

    private static string UnknownAccessPoint(Connector connector, RadiusAttributes request)
    {
        var asked = request.String("NAS-Identifier") ?? request.String("Called-Station-Id");
        var patterns = connector.Locations.SelectMany(l => l.NasPatterns).ToList();
        return $"The access point {(asked is null ? "(none named)" : $"'{asked}'")} matches no location of the connector"
            + (patterns.Count == 0 ? " (it has no access-point patterns)." : $" ({string.Join(", ", patterns)}).");
    }

    private static string LocalTime(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + zone.Id;

    /// <summary>The windows by weekday from Monday, e.g. "Mon 08:00-20:00; Tue 08:00-20:00"; "none" when no day has one.</summary>
    private static string Windows(EffectiveAccess access)
    {
        if (access.TimeWindows is not { } map)
            return "every hour";
        var days = Enumerable.Range(1, 7).Select(d => (DayOfWeek)(d % 7))
            .Select(day => (Day: day, Windows: WeeklyWindows.Of(map, day)))
            .Where(d => d.Windows.Count > 0)
            .Select(d => d.Day.ToString()[..3] + " " + string.Join(", ", d.Windows.Select(w => TimeWindowText.FormatStart(w.Start) + "-" + TimeWindowText.FormatEnd(w.End))))
            .ToList();
        return days.Count == 0 ? "none" : string.Join("; ", days);
    }

    private static string HoursOf(long seconds) => HoursText(seconds / 3600.0);

    private static string HoursText(double? hours) => hours is { } h ? h.ToString("0.##", CultureInfo.InvariantCulture) + " h" : "unlimited";

    private static string Day(DateTimeOffset at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Devices(int count) => count == 1 ? "1 other device" : $"{count} other devices";
}

/// <summary>What <see cref="AuthorizeDecision.Start"/> found.</summary>
/// <param name="Denied">The answer when a check failed; null when the request goes on.</param>
/// <param name="Access">The account's merged access, when it got that far.</param>
/// <param name="Schedule">The time window the moment falls in.</param>
/// <param name="Cycle">The billing cycle whose usage <see cref="AuthorizeDecision.Finish"/> needs; null when denied.</param>
public sealed record AuthorizeStart(RadiusAnswer? Denied, EffectiveAccess? Access, ScheduleDecision Schedule, BillingCycle? Cycle)
{
    public static AuthorizeStart Deny(string reason) => new(RadiusAnswer.Deny(reason), null, ScheduleDecision.Denied, null);
}

/// <summary>What <see cref="AuthorizeDecision.Finish"/> decided.</summary>
/// <param name="Denied">The answer when a check failed; null when the request is accepted.</param>
/// <param name="Access">The access to grant, when accepted.</param>
/// <param name="SessionTimeout">The session's <c>Session-Timeout</c>, when accepted.</param>
public sealed record AuthorizeFinish(RadiusAnswer? Denied, EffectiveAccess? Access, long SessionTimeout)
{
    public static AuthorizeFinish Deny(string reason) => new(RadiusAnswer.Deny(reason), null, 0);
}
