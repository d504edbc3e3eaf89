namespace CoworkSync.IntegrationTests.Simulators;

/// <summary>A plan of the simulated space (Cobot's <c>GET /api/plans</c>).</summary>
public sealed record CobotSimPlan(string Id, string Name, bool Hidden = false);

/// <summary>A simulated Cobot membership; dates are days and times as Cobot stores them.</summary>
public sealed record CobotSimMembership
{
    public required string Id { get; init; }
    public string Name { get; init; } = "";
    public string? Email { get; init; }
    /// <summary>The Cobot user; null for a member without a user account.</summary>
    public string? UserId { get; init; }
    public required string PlanId { get; init; }
    public DateTimeOffset? ConfirmedAt { get; init; }
    public DateOnly? StartsAt { get; init; }
    public DateOnly? CanceledTo { get; init; }
    public string? UpcomingPlanId { get; init; }
    public DateOnly? UpcomingPlanOn { get; init; }
    /// <summary>Custom field values by field id.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();
    /// <summary>Check-ins answer 422 "No time passes left." when false.</summary>
    public bool HasTimePasses { get; init; } = true;
    /// <summary>Membership fields written as given over the simulator's own: answers Cobot should never give (a bad date).</summary>
    public IReadOnlyDictionary<string, string?> Raw { get; init; } = new Dictionary<string, string?>();
}

public sealed record CobotSimField(string Id, string Label);

public sealed record CobotSimSubscription(string Id, string Event, string CallbackUrl, bool Active);

public sealed record CobotSimCheckIn(string MembershipId, string Token, DateTimeOffset At);

/// <summary>An answer <see cref="CobotSimulator.Break"/> puts in place of Cobot's.</summary>
public sealed record CobotSimBreak(string Method, string Path, int Status, string? Body, Func<string?, bool>? When)
{
    public bool Matches(string method, string path, string? body) =>
        string.Equals(Method, method, StringComparison.OrdinalIgnoreCase) && Path == path && (When is null || When(body));
}

/// <summary>A Cobot user (https://dev.cobot.me/api-docs/users): <c>GET /api/user</c> answers them to a token they signed in for.</summary>
public sealed record CobotSimUser(string Id, string Email, IReadOnlyList<CobotSimUserMembership> Memberships);

/// <param name="Id">The membership's id.</param>
/// <param name="SpaceSubdomain">Its space's subdomain (this simulator's <see cref="CobotSimulator.Subdomain"/> or another space's).</param>
/// <param name="SpaceName">Its space's name.</param>
public sealed record CobotSimUserMembership(string Id, string SpaceSubdomain, string SpaceName);
