using CoworkSync.Access;

namespace CoworkSync.NetworkAccess;

/// <summary>What an authorize decision came to.</summary>
public enum AuthorizeOutcome
{
    /// <summary>Access-Accept (rlm_rest 200): FreeRADIUS then checks the password the device sent.</summary>
    Accepted,

    /// <summary>Access-Reject with a reason (rlm_rest 401).</summary>
    Refused,

    /// <summary>No such user (rlm_rest 404).</summary>
    UnknownUser,
}

/// <summary>The answer of <see cref="AuthorizeDecision.Decide"/>.</summary>
/// <param name="Outcome">Accepted, refused or unknown.</param>
/// <param name="Reason">Why it was refused, as the member reads it in the Reply-Message; null otherwise.</param>
/// <param name="Access">The access the account's groups give (the Accept's terms come from it); null unless accepted.</param>
/// <param name="SessionTimeoutSeconds">The Accept's Session-Timeout; null unless accepted.</param>
public sealed record AuthorizeVerdict(AuthorizeOutcome Outcome, string? Reason, EffectiveAccess? Access, long? SessionTimeoutSeconds)
{
    public static AuthorizeVerdict Unknown { get; } = new(AuthorizeOutcome.UnknownUser, null, null, null);

    public static AuthorizeVerdict Refuse(string reason) => new(AuthorizeOutcome.Refused, reason, null, null);
}
