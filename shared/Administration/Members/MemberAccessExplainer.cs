using System.Globalization;
using CoworkSync.Connectors;
using CoworkSync.Members.Records;
using CoworkSync.NetworkAccess;
using CoworkSync.Outcomes;

namespace CoworkSync.Administration.Members;

/// <summary>
/// "Why can't they connect?" for the admin API and the console: the member's account put through RADIUS authorize's
/// own reads and decision (<see cref="AuthorizeExplainer"/>: <see cref="AuthorizeFactsReader"/> and
/// <see cref="AuthorizeDecision.Decide"/>) for an access point and a moment, as a dry run that writes nothing and never
/// shows the password.
/// </summary>
public sealed class MemberAccessExplainer(ConnectorStore connectors, MemberStore members, AuthorizeExplainer authorizer, TimeProvider time)
{
    public const int MaxAttributeLength = 253;

    private static readonly (AuthorizeCheck Check, string Name, string Question)[] Checks =
    [
        (AuthorizeCheck.Account, "account", "Is there an account for the user name?"),
        (AuthorizeCheck.Enabled, "enabled", "Is the account enabled?"),
        (AuthorizeCheck.Connector, "space", "Is the space still connected?"),
        (AuthorizeCheck.AccessPoint, "accessPoint", "Is the access point known?"),
        (AuthorizeCheck.Location, "location", "May the member use this location?"),
        (AuthorizeCheck.Plan, "groups", "Does the plan give WiFi?"),
        (AuthorizeCheck.Schedule, "timeWindow", "Is it within the allowed hours?"),
        (AuthorizeCheck.Hours, "hours", "Are hours left this cycle?"),
        (AuthorizeCheck.Devices, "devices", "Is a device slot free?"),
    ];

    /// <param name="connectorId">The member's connector.</param>
    /// <param name="memberId">The member.</param>
    /// <param name="request">The access point and moment; null when the caller could not read the request.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<Outcome<AccessExplanationView>> ExplainAsync(string connectorId, string memberId, ExplainRequest? request, CancellationToken cancellationToken)
    {
        if (request is null)
            return Outcome<AccessExplanationView>.Unreadable();
        var errors = Validate(request);
        if (errors.Count > 0)
            return Outcome<AccessExplanationView>.Invalid(errors);
        if (!MemberIds.AreValid(connectorId, memberId))
            return NoMember(connectorId, memberId);
        var member = await members.GetAsync(connectorId, memberId, cancellationToken);
        if (member is null)
            return NoMember(connectorId, memberId);

        var nas = request.NasIdentifier!.Trim();
        var connector = await connectors.GetAsync(connectorId, cancellationToken);
        var asked = new AuthorizeRequest(member.Username, nas, null, string.IsNullOrWhiteSpace(request.CallingStationId) ? null : request.CallingStationId.Trim());
        var zone = Zone(connector, member, asked);
        if (!ExplainTime.TryResolve(request.At, zone, time.GetUtcNow(), out var at))
            return Outcome<AccessExplanationView>.Invalid("at", ExplainTime.Expected);
        var local = TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

        if (member.Username is null)
        {
            var why = $"The member has no WiFi account{(member.Reason is { } reason ? $": {reason}" : "")}.";
            return Outcome<AccessExplanationView>.Done(new AccessExplanationView(connectorId, memberId, null, nas, at, zone.Id, local,
                AccessExplanationView.NoAccount, null, View([new AuthorizeStep(AuthorizeCheck.Account, false, why)]), null));
        }

        var explanation = await authorizer.ExplainAsync(asked, at, cancellationToken);
        var verdict = explanation.Verdict;
        var decision = verdict.Outcome switch
        {
            AuthorizeOutcome.Accepted => AccessExplanationView.Accept,
            AuthorizeOutcome.Refused => AccessExplanationView.Reject,
            _ => AccessExplanationView.NoAccount,
        };
        var reply = verdict is { Access: { } access, SessionTimeoutSeconds: { } timeout } ? Attributes(RadiusReply.Terms(access, timeout)) : null;
        return Outcome<AccessExplanationView>.Done(new AccessExplanationView(connectorId, memberId, asked.AccountKey, nas, at, zone.Id, local,
            decision, verdict.Reason, View(explanation.Steps), reply));
    }

    /// <summary>
    /// The zone a local time is read in: the location the access point belongs to, else the member's (their own
    /// location's, else the connector's first), else UTC.
    /// </summary>
    private static TimeZoneInfo Zone(Connector? connector, MemberRecord member, AuthorizeRequest asked)
    {
        if (connector is null)
            return TimeZoneInfo.Utc;
        return RadiusLocations.Of(connector, asked.NasIdentifier, asked.CalledStationId) is { } location ? RadiusLocations.Zone(location) : HomeZone(connector, member.Platform.LocationId);
    }

    /// <summary>The zone of the member's location, else of the connector's first, else UTC (as their billing cycle's).</summary>
    public static TimeZoneInfo HomeZone(Connector? connector, string? locationId)
    {
        var home = connector?.Locations.FirstOrDefault(l => l.Id == locationId) ?? connector?.Locations.FirstOrDefault();
        return home is null ? TimeZoneInfo.Utc : RadiusLocations.Zone(home);
    }

    private static List<ValidationError> Validate(ExplainRequest request)
    {
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(request.NasIdentifier) || request.NasIdentifier.Trim().Length > MaxAttributeLength || request.NasIdentifier.Any(char.IsControl))
            errors.Add(new("nasIdentifier", $"must be the access point's NAS-Identifier, 1-{MaxAttributeLength} printable characters"));
        if (request.CallingStationId is { } device && (device.Trim().Length > MaxAttributeLength || device.Any(char.IsControl)))
            errors.Add(new("callingStationId", $"must be at most {MaxAttributeLength} printable characters"));
        if (request.At is { Length: > 40 })
            errors.Add(new("at", ExplainTime.Expected));
        return errors;
    }

    private static List<AccessCheckView> View(IReadOnlyList<AuthorizeStep> steps) =>
        [.. Checks.Select(c => steps.Where(s => s.Check == c.Check).Select(s => (AuthorizeStep?)s).FirstOrDefault() is { } step
            ? new AccessCheckView(c.Name, c.Question, step.Passed ? AccessCheckView.Passed : AccessCheckView.Failed, step.Detail)
            : new AccessCheckView(c.Name, c.Question, AccessCheckView.NotChecked, null))];

    private static Dictionary<string, string> Attributes(IReadOnlyDictionary<string, object> reply) =>
        reply.ToDictionary(a => a.Key, a => a.Value switch
        {
            IDictionary<string, object> literal when literal.TryGetValue("value", out var values) && values is string[] { Length: > 0 } texts => texts[0],
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            _ => a.Value.ToString() ?? "",
        }, StringComparer.Ordinal);

    private static Outcome<AccessExplanationView> NoMember(string connectorId, string memberId) =>
        Outcome<AccessExplanationView>.NotFound($"Connector '{connectorId}' has no member '{memberId}'.");
}
