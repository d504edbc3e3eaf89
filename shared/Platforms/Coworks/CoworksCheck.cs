using CoworkSync.Connectors.Seam;

namespace CoworkSync.Platforms.Coworks;

public enum CoworksCheckOutcome
{
    /// <summary>Coworks answered and accepted the API key for the space.</summary>
    Ok,

    /// <summary>Coworks answered 401 or 403: the API key is wrong, revoked, or not for this space.</summary>
    CredentialsRejected,

    /// <summary>Coworks answered 404: no such space at this base URL.</summary>
    SpaceNotFound,

    /// <summary>No answer: network error, timeout, or calls paused after repeated failures.</summary>
    Unreachable,

    /// <summary>Coworks answered, but with another error status or a body that is not the documented format.</summary>
    UnexpectedResponse,
}

/// <summary>The result of <see cref="ICoworksClient.CheckAsync"/>, with a message for the operator (no secrets in it).</summary>
/// <param name="Outcome">What the check found.</param>
/// <param name="Message">What it means for the operator (no secrets in it).</param>
/// <param name="StatusCode">The HTTP status Coworks answered with; null when it did not answer.</param>
public sealed record CoworksCheck(CoworksCheckOutcome Outcome, string Message, int? StatusCode)
{
    public bool Succeeded => Outcome == CoworksCheckOutcome.Ok;

    /// <summary>The space's plans, which the check read; empty when it failed.</summary>
    public IReadOnlyList<PlatformPlan> Plans { get; init; } = [];
}
