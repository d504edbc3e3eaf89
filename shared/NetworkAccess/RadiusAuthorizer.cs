using CoworkSync.Access;
using CoworkSync.Connectors;
using CoworkSync.Members.Accounts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoworkSync.NetworkAccess;

/// <summary>
/// Decides at RADIUS time whether a user may connect, and on what terms: the account (a point read), its groups'
/// merged access, the location of the asking NAS, the time window, the hours left in the billing cycle (a second
/// point read) and the member's other devices already connected. No platform is called. The rules are
/// <see cref="AuthorizeDecision"/>'s; <see cref="ExplainAsync"/> runs the same reads and the same decision as a dry run.
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

        var (denied, access, sessionTimeout) = await DecideAsync(account, request, time.GetUtcNow(), steps: null, cancellationToken);
        var answer = denied ?? new RadiusAnswer(RadiusAnswer.Allowed, RadiusReply.For(
            await passwords.UnprotectAsync(account.ProtectedPassword, account.Username, cancellationToken), access!, sessionTimeout));
        LogDecision(username, answer.StatusCode, answer.StatusCode == RadiusAnswer.Denied ? Reason(answer) : null);
        return answer;
    }

    /// <summary>
    /// What <see cref="AuthorizeAsync"/> would answer <paramref name="request"/> at <paramref name="at"/>, check by check:
    /// the same reads (the account, the connector and groups from their caches, the cycle's usage) and the same
    /// decision, without the password (never read or shown) and without writing or logging anything.
    /// </summary>
    public async Task<AuthorizeExplanation> ExplainAsync(RadiusAttributes request, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var username = request.String("User-Name")?.Trim().ToLowerInvariant() ?? "";
        var steps = new List<AuthorizeStep>();
        var account = username.Length == 0 ? null : await accounts.GetAsync(username, cancellationToken);
        if (account is null)
        {
            steps.Add(new(AuthorizeCheck.Account, false, username.Length == 0 ? "No user name was given." : $"There is no account named {username}."));
            return new AuthorizeExplanation(username, at, RadiusAnswer.UnknownUser, null, steps, null);
        }

        var (denied, access, sessionTimeout) = await DecideAsync(account, request, at, steps, cancellationToken);
        return denied is not null
            ? new AuthorizeExplanation(username, at, denied.StatusCode, Reason(denied), steps, null)
            : new AuthorizeExplanation(username, at, RadiusAnswer.Allowed, null, steps, RadiusReply.Terms(access!, sessionTimeout));
    }

    /// <returns>A denial, or (when accepted, <c>Denied</c> null) the access to grant and the session's timeout.</returns>
    private async Task<(RadiusAnswer? Denied, EffectiveAccess? Access, long SessionTimeout)> DecideAsync(
        WifiAccount account, RadiusAttributes request, DateTimeOffset now, List<AuthorizeStep>? steps, CancellationToken cancellationToken)
    {
        var connector = account.Enabled ? await connectors.GetAsync(account.ConnectorId, cancellationToken) : null;
        var inForce = account.Enabled && connector is not null ? await groups.ResolveAsync(account.Groups, cancellationToken) : [];
        var start = AuthorizeDecision.Start(account, connector, inForce, request, now, steps);
        if (start.Denied is { } denied)
            return (denied, null, 0);

        var used = await usage.GetAsync(account.Username, start.Cycle!.Key, cancellationToken);
        var finish = AuthorizeDecision.Finish(start, used, request, now, options.Value.MaxSessionTimeoutSeconds, steps);
        return (finish.Denied, finish.Access, finish.SessionTimeout);
    }

    private static string Reason(RadiusAnswer answer) =>
        answer.Attributes?.GetValueOrDefault("reply:Reply-Message") is Dictionary<string, object> literal && literal["value"] is string[] values ? values[0] : "";

    [LoggerMessage(EventId = 1300, EventName = "RadiusAuthorized", Level = LogLevel.Information, Message = "RADIUS authorize of {Username}: {StatusCode} {DenyReason}")]
    private partial void LogDecision(string username, int statusCode, string? denyReason);
}
