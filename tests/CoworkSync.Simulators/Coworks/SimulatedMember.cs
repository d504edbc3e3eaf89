namespace CoworkSync.Simulators.Coworks;

/// <summary>
/// A member in the Coworks simulator. Written out in the documented wire format by <see cref="CoworksSimulatorJson"/>,
/// independently of the production wire models, so a drift between the two shows up as a failing test.
/// </summary>
public sealed record SimulatedMember
{
    public required string Id { get; init; }

    public string FirstName { get; init; } = "Ada";

    public string LastName { get; init; } = "Lovelace";

    public string? Email { get; init; }

    /// <summary><c>active</c>, <c>trial</c>, <c>inactive</c> or <c>suspended</c> (anything else, to test rejection).</summary>
    public string Status { get; init; } = "active";

    public string? LocationId { get; init; } = "loc_1";

    public DateTimeOffset UpdatedAt { get; init; } = DateTimeOffset.UtcNow;

    public SimulatedMembership? Membership { get; init; }

    /// <summary>An active member with an active membership on <paramref name="planId"/>.</summary>
    public static SimulatedMember Active(string id, string planId = "pln_flex", string planName = "Flex") => new()
    {
        Id = id,
        Email = $"{id}@example.com",
        Membership = new SimulatedMembership { Id = "ms_" + id, PlanId = planId, PlanName = planName },
    };
}

public sealed record SimulatedMembership
{
    public required string Id { get; init; }

    /// <summary><c>pending</c>, <c>active</c> or <c>ended</c>.</summary>
    public string Status { get; init; } = "active";

    public string? PlanId { get; init; } = "pln_flex";

    public string? PlanName { get; init; } = "Flex";

    public DateOnly? StartsOn { get; init; } = new DateOnly(2026, 11, 1);

    public DateOnly? EndsOn { get; init; }

    public DateOnly? BillingCycleAnchor { get; init; } = new DateOnly(2026, 11, 1);
}
