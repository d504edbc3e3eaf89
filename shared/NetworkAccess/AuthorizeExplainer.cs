using Microsoft.Extensions.Options;

namespace CoworkSync.NetworkAccess;

/// <summary>
/// "Why can't this member connect?": the decision RADIUS authorize would make for a request now, with every check it
/// makes, from the same facts read fresh (the account and its usage row from storage, with this instance's unwritten
/// interims; connector and groups from the caches authorize uses). It writes nothing and never shows a password.
/// </summary>
public sealed class AuthorizeExplainer(AuthorizeFactsReader facts, TimeProvider time, IOptions<RadiusOptions> options)
{
    public async Task<AuthorizeExplanation> ExplainAsync(AuthorizeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        var read = request.AccountKey is { } username ? await facts.ReadFreshAsync(username, now, cancellationToken) : AuthorizeFacts.NoAccount;
        var steps = new AuthorizeStepList();
        var verdict = AuthorizeDecision.Decide(request, read, now, options.Value.MaxSessionTimeoutSeconds, steps);
        return new AuthorizeExplanation(now, verdict, steps.Steps, read);
    }
}

/// <summary>A decision explained.</summary>
/// <param name="At">When it was made.</param>
/// <param name="Verdict">The answer RADIUS would give.</param>
/// <param name="Steps">Each check made, in order; the last of a refusal is the one that failed.</param>
/// <param name="Facts">What it was made from (the account's password is encrypted there; never show it).</param>
public sealed record AuthorizeExplanation(DateTimeOffset At, AuthorizeVerdict Verdict, IReadOnlyList<AuthorizeStep> Steps, AuthorizeFacts Facts);
