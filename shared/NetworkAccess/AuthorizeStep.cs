namespace CoworkSync.NetworkAccess;

/// <summary>The checks of an authorize decision, in the order <see cref="AuthorizeDecision"/> makes them.</summary>
public enum AuthorizeCheck
{
    /// <summary>An account has the user name.</summary>
    Account,

    /// <summary>The account is enabled (its member's membership allows access).</summary>
    Enabled,

    /// <summary>The account's space is still connected.</summary>
    Connector,

    /// <summary>The asking access point belongs to one of the space's locations (NAS-Identifier or Called-Station-Id patterns).</summary>
    AccessPoint,

    /// <summary>The member may use that location.</summary>
    Location,

    /// <summary>The member's groups give WiFi access.</summary>
    Plan,

    /// <summary>Now is inside the groups' time windows, in the location's time zone.</summary>
    Schedule,

    /// <summary>Hours are left in the billing cycle.</summary>
    Hours,

    /// <summary>Fewer devices are connected than the groups allow.</summary>
    Devices,

    /// <summary>Accepted: the session's terms.</summary>
    Terms,
}

/// <summary>One check an authorize decision made, whether it passed, and what it found, in words for people.</summary>
/// <param name="Check">The check.</param>
/// <param name="Passed">Whether it let the request go on (the last step of a refusal is the one that did not).</param>
/// <param name="Detail">What it found, e.g. "Mitte (mitte-ap-*), Europe/Berlin". Never a password.</param>
public readonly record struct AuthorizeStep(AuthorizeCheck Check, bool Passed, string Detail);

/// <summary>
/// Receives the steps of an authorize decision as it makes them. RADIUS passes none (no step is described then, so the
/// hot path pays nothing); a page that explains a decision passes a <see cref="AuthorizeStepList"/>.
/// </summary>
public interface IAuthorizeSteps
{
    void Add(AuthorizeStep step);
}

/// <summary>The steps of one decision, in order.</summary>
public sealed class AuthorizeStepList : IAuthorizeSteps
{
    private readonly List<AuthorizeStep> _steps = [];

    public IReadOnlyList<AuthorizeStep> Steps => _steps;

    public void Add(AuthorizeStep step) => _steps.Add(step);
}
