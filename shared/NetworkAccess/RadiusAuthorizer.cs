using CoworkSync.Members.Accounts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoworkSync.NetworkAccess;

/// <summary>
/// Decides at RADIUS time whether a user may connect, and on what terms (<see cref="AuthorizeDecision"/>), from what
/// <see cref="AuthorizeFactsReader"/> reads: the account and, when the groups set an hours or device limit, the cycle's
/// usage row, each served from memory for at most the cache time; connector and groups from their caches. No platform
/// is called. An accepted answer carries the password, decrypted for the answer only.
/// </summary>
public sealed partial class RadiusAuthorizer(
    AuthorizeFactsReader facts,
    IPasswordProtector passwords,
    TimeProvider time,
    IOptions<RadiusOptions> options,
    ILogger<RadiusAuthorizer> logger)
{
    public async Task<RadiusAnswer> AuthorizeAsync(RadiusAttributes request, CancellationToken cancellationToken) =>
        await AuthorizeAsync(AuthorizeRequest.From(request), cancellationToken);

    public async Task<RadiusAnswer> AuthorizeAsync(AuthorizeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.AccountKey is not { } username)
            return RadiusAnswer.NotFound;
        var now = time.GetUtcNow();
        var read = await facts.ReadAsync(username, now, cancellationToken);
        var verdict = AuthorizeDecision.Decide(request, read, now, options.Value.MaxSessionTimeoutSeconds);
        switch (verdict.Outcome)
        {
            case AuthorizeOutcome.UnknownUser:
                return RadiusAnswer.NotFound;
            case AuthorizeOutcome.Refused:
                LogDecision(username, RadiusAnswer.Denied, verdict.Reason);
                return RadiusAnswer.Deny(verdict.Reason!);
        }
        var account = read.Account!;
        var password = await passwords.UnprotectAsync(account.ProtectedPassword, account.Username, cancellationToken);
        LogDecision(username, RadiusAnswer.Allowed, null);
        return new RadiusAnswer(RadiusAnswer.Allowed, RadiusReply.For(password, verdict.Access!, verdict.SessionTimeoutSeconds!.Value));
    }

    [LoggerMessage(EventId = 1300, EventName = "RadiusAuthorized", Level = LogLevel.Debug, Message = "RADIUS authorize of {Username}: {StatusCode} {DenyReason}")]
    private partial void LogDecision(string username, int statusCode, string? denyReason);
}
