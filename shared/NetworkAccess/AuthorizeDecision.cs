using System.Globalization;
using CoworkSync.Access;
using CoworkSync.Connectors;
using CoworkSync.Members.Accounts;

namespace CoworkSync.NetworkAccess;

/// <summary>
/// The RADIUS authorize decision as one pure function: from the facts read (<see cref="AuthorizeFacts"/>), the request
/// and the time, the answer and, when asked, every check it made in order. It reads and writes nothing, so RADIUS and a
/// page that explains why a member cannot connect make the same decision from the same facts.
/// </summary>
public static class AuthorizeDecision
{
    /// <summary>Decides.</summary>
    /// <param name="request">The Access-Request.</param>
    /// <param name="facts">What was read for it (<see cref="AuthorizeFactsReader"/>).</param>
    /// <param name="now">The time of the decision.</param>
    /// <param name="maxSessionTimeoutSeconds">The deployment's longest Session-Timeout (<see cref="RadiusOptions.MaxSessionTimeoutSeconds"/>).</param>
    /// <param name="steps">Receives each check; null on the RADIUS path, where no step is described.</param>
    public static AuthorizeVerdict Decide(AuthorizeRequest request, AuthorizeFacts facts, DateTimeOffset now, int maxSessionTimeoutSeconds, IAuthorizeSteps? steps = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Account is not { } account)
        {
            steps?.Add(new(AuthorizeCheck.Account, false, $"No account is named '{request.AccountKey}'."));
            return AuthorizeVerdict.Unknown;
        }
        steps?.Add(new(AuthorizeCheck.Account, true, $"{account.Username}, member {account.MemberId} of connector {account.ConnectorId}."));

        if (!account.Enabled)
            return Refuse(steps, AuthorizeCheck.Enabled, $"Access disabled: {account.DisabledReason ?? "membership not active"}.");
        steps?.Add(new(AuthorizeCheck.Enabled, true, "The account is enabled."));

        if (facts.Connector is not { } connector)
            return Refuse(steps, AuthorizeCheck.Connector, "Access disabled: the space is no longer connected.");
        steps?.Add(new(AuthorizeCheck.Connector, true, $"{connector.DisplayName} ({connector.Id})."));

        var nasLocation = RadiusLocations.Of(connector, request.NasIdentifier, request.CalledStationId);
        if (nasLocation is null)
        {
            steps?.Add(new(AuthorizeCheck.AccessPoint, false, $"NAS-Identifier '{request.NasIdentifier}' and Called-Station-Id '{request.CalledStationId}' match none of the locations' patterns."));
            return AuthorizeVerdict.Refuse("This access point is not known to your space.");
        }
        steps?.Add(new(AuthorizeCheck.AccessPoint, true, $"Location {nasLocation.Name} ({nasLocation.Id}), {nasLocation.TimeZone}."));

        // A member whose platform names no location belongs to all of the connector's locations.
        if (!connector.Settings.AllowAllLocations && account.LocationId is { } home && home != nasLocation.Id)
        {
            steps?.Add(new(AuthorizeCheck.Location, false, $"The member's location is {home}; the access point is at {nasLocation.Id}."));
            return AuthorizeVerdict.Refuse("Not at this location: your membership is for another location.");
        }
        steps?.Add(new(AuthorizeCheck.Location, true, connector.Settings.AllowAllLocations ? "The space allows all its locations."
            : account.LocationId is null ? "The platform names no location: every location of the space." : $"The member's location, {account.LocationId}."));

        var access = facts.Access;
        if (!access.HasAccess)
        {
            steps?.Add(new(AuthorizeCheck.Plan, false, $"The account's groups ({string.Join(", ", account.Groups)}) give no access."));
            return AuthorizeVerdict.Refuse("Your plan gives no WiFi access.");
        }
        steps?.Add(new(AuthorizeCheck.Plan, true, $"Groups {string.Join(", ", access.GroupIds)}."));

        var schedule = AccessSchedule.Evaluate(access, now, RadiusLocations.Zone(nasLocation));
        if (!schedule.Allowed)
        {
            steps?.Add(new(AuthorizeCheck.Schedule, false, $"{now:u} is outside the groups' time windows in {nasLocation.TimeZone}."));
            return AuthorizeVerdict.Refuse("Outside the allowed hours.");
        }
        steps?.Add(new(AuthorizeCheck.Schedule, true, schedule.WindowEnd is { } end ? $"Inside a window until {end:u}." : "Around the clock."));

        long? remaining = null;
        if (NeedsUsage(access))
        {
            var used = facts.Usage ?? throw new ArgumentException("The access needs the usage row (AuthorizeDecision.NeedsUsage), and the facts have none.", nameof(facts));
            var cycle = CycleOf(account, connector, now);
            remaining = AccountCycle.RemainingSeconds(access, used);
            if (remaining <= 0)
            {
                steps?.Add(new(AuthorizeCheck.Hours, false, $"Used {Hours(used.UsedSeconds)} h of {access.HoursPerCycle} h in the cycle from {cycle.Start:yyyy-MM-dd}."));
                return AuthorizeVerdict.Refuse($"Hours used up until {cycle.End:yyyy-MM-dd}.");
            }
            steps?.Add(new(AuthorizeCheck.Hours, true, remaining is { } left
                ? $"{Hours(left)} h left of {access.HoursPerCycle} h in the cycle from {cycle.Start:yyyy-MM-dd} to {cycle.End:yyyy-MM-dd}."
                : "No hours limit."));

            if (access.MaxConcurrentSessions is { } max && used.OpenSessions(now, access.AcctInterimIntervalSeconds, request.Device) is var open && open >= max)
            {
                steps?.Add(new(AuthorizeCheck.Devices, false, $"{open} other devices connected, at most {max}."));
                return AuthorizeVerdict.Refuse($"Too many devices: at most {max} at a time.");
            }
            steps?.Add(new(AuthorizeCheck.Devices, true, access.MaxConcurrentSessions is { } limit ? $"Fewer than {limit} other devices connected." : "No device limit."));
        }
        else
        {
            steps?.Add(new(AuthorizeCheck.Hours, true, "No hours limit: usage not read."));
            steps?.Add(new(AuthorizeCheck.Devices, true, "No device limit: usage not read."));
        }

        var timeout = SessionTimeout.For(access, remaining, schedule.WindowEnd, now, maxSessionTimeoutSeconds);
        steps?.Add(new(AuthorizeCheck.Terms, true, $"Accepted: Session-Timeout {timeout} s, Acct-Interim-Interval {access.AcctInterimIntervalSeconds} s; FreeRADIUS then checks the password."));
        return new AuthorizeVerdict(AuthorizeOutcome.Accepted, null, access, timeout);
    }

    /// <summary>Whether deciding for this access needs the usage row: only an hours limit or a device limit does.</summary>
    public static bool NeedsUsage(EffectiveAccess access)
    {
        ArgumentNullException.ThrowIfNull(access);
        return access.HasAccess && (access.HoursPerCycle is not null || access.MaxConcurrentSessions is not null);
    }

    /// <summary>The account's billing cycle containing <paramref name="now"/>, whose usage row the decision reads.</summary>
    public static BillingCycle CycleOf(WifiAccount account, Connector? connector, DateTimeOffset now) =>
        AccountCycle.Containing(account, now, RadiusLocations.MemberZone(connector, account));

    /// <summary>A refusal whose reason says all a step would.</summary>
    private static AuthorizeVerdict Refuse(IAuthorizeSteps? steps, AuthorizeCheck check, string reason)
    {
        steps?.Add(new(check, false, reason));
        return AuthorizeVerdict.Refuse(reason);
    }

    private static string Hours(long seconds) => (seconds / 3600.0).ToString("0.##", CultureInfo.InvariantCulture);
}
