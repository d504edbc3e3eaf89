using CoworkSync.Administration.Audit;
using CoworkSync.Connectors;
using CoworkSync.Members.Accounts;
using CoworkSync.Members.Provisioning;
using CoworkSync.Members.Records;
using CoworkSync.NetworkAccess;
using CoworkSync.Outcomes;

namespace CoworkSync.Administration.Members;

/// <summary>What operators do with members (the admin API and the console alike): look at them, create or link an account, send the welcome email again.</summary>
public sealed class MemberAdministration(
    ConnectorStore connectors, MemberStore members, AccountStore accounts, UsageReport usage, MemberProvisioner provisioner, MemberViews views,
    AuditLog audit, TimeProvider time)
{
    /// <summary>Every member of the connector with their account and its usage.</summary>
    public async Task<Outcome<IReadOnlyList<MemberView>>> ListAsync(string connectorId, CancellationToken cancellationToken)
    {
        if (await connectors.GetAsync(connectorId, cancellationToken) is null)
            return Outcome<IReadOnlyList<MemberView>>.NotFound($"There is no connector '{connectorId}'.");
        var items = new List<MemberView>();
        await foreach (var member in members.ListAsync(connectorId, cancellationToken))
        {
            var account = member.Username is { } username ? await accounts.GetAsync(username, cancellationToken) : null;
            items.Add(views.From(member, account, account is null ? null : await usage.ForAsync(account, cancellationToken)));
        }
        return Outcome<IReadOnlyList<MemberView>>.Done(items);
    }

    /// <summary>One member with their account, its usage, and what their platform adds.</summary>
    public async Task<Outcome<MemberView>> GetAsync(string connectorId, string memberId, CancellationToken cancellationToken)
    {
        var member = MemberIds.AreValid(connectorId, memberId) ? await members.GetAsync(connectorId, memberId, cancellationToken) : null;
        if (member is null)
            return NoMember(connectorId, memberId);
        var account = member.Username is { } username ? await accounts.GetAsync(username, cancellationToken) : null;
        var connector = await connectors.GetAsync(connectorId, cancellationToken);
        var properties = await views.PlatformPropertiesAsync(connector, memberId, cancellationToken);
        return Outcome<MemberView>.Done(views.From(member, account, account is null ? null : await usage.ForAsync(account, cancellationToken), properties));
    }

    /// <summary>
    /// Creates the member's account, or links an existing one by the user name asked for (<see cref="MemberAccountRules"/>);
    /// <see cref="OutcomeStatus.Created"/> with the member; a conflict when the member has an account, gets none, or
    /// the name is someone else's.
    /// </summary>
    /// <param name="connectorId">The member's connector.</param>
    /// <param name="memberId">The member.</param>
    /// <param name="request">The user name to use, if any; null when the caller could not read the request.</param>
    /// <param name="actor">Who asks, for the audit log.</param>
    /// <param name="cancellationToken">Cancels the reads and writes.</param>
    public async Task<Outcome<MemberView>> CreateAccountAsync(
        string connectorId, string memberId, AccountRequest? request, AuditActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (request is null)
            return Outcome<MemberView>.Unreadable();
        if (MemberAccountRules.CheckUsername(request.Username) is { } invalid)
            return Outcome<MemberView>.Invalid([invalid]);
        var connector = await connectors.GetAsync(connectorId, cancellationToken);
        var member = connector is null ? null : await members.GetAsync(connectorId, memberId, cancellationToken);
        if (connector is null || member is null)
            return NoMember(connectorId, memberId);
        if (MemberAccountRules.Conflict(member) is { } conflict)
            return Outcome<MemberView>.Conflict(conflict);

        try
        {
            var result = await provisioner.ProvisionAsync(new ReconcileRequest(connectorId, member.Platform, connector.Settings, connector.PlanMappings,
                OperatorRequested: true, OperatorUsername: request.Username), cancellationToken);
            if (result.Account is null)
                return Outcome<MemberView>.Conflict($"Member '{memberId}' gets no account: {result.Member.Reason}.");
            await RecordAsync(actor, AuditActions.AccountCreated, connectorId, memberId,
                request.Username is null
                    ? $"Created account {result.Account.Username} for member {memberId} of connector {connectorId}."
                    : $"Created or linked account {result.Account.Username} for member {memberId} of connector {connectorId}, as asked.",
                cancellationToken);
            return Outcome<MemberView>.Created(views.From(result.Member, result.Account));
        }
        catch (UsernameTakenException ex)
        {
            return Outcome<MemberView>.Conflict(ex.Message);
        }
    }

    /// <summary>Queues the member's welcome email again; a conflict when they have no account, or it is disabled (its credentials are not sent).</summary>
    public async Task<Outcome<MemberView>> ResendWelcomeEmailAsync(string connectorId, string memberId, AuditActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var member = await members.GetAsync(connectorId, memberId, cancellationToken);
        if (member is null)
            return NoMember(connectorId, memberId);
        var account = member.Username is { } username ? await accounts.GetAsync(username, cancellationToken) : null;
        if (account is null)
            return Outcome<MemberView>.Conflict($"Member '{memberId}' has no account.");
        if (!account.Enabled)
            return Outcome<MemberView>.Conflict($"The account '{account.Username}' is disabled ({account.DisabledReason}); its credentials are not sent.");

        account = await provisioner.QueueWelcomeEmailAsync(connectorId, account, Guid.NewGuid().ToString("N"), cancellationToken);
        await RecordAsync(actor, AuditActions.WelcomeEmailResent, connectorId, memberId,
            $"Queued the welcome email of {account.Username} (member {memberId} of connector {connectorId}) again.", cancellationToken);
        return Outcome<MemberView>.Done(views.From(member, account));
    }

    private Task RecordAsync(AuditActor actor, string action, string connectorId, string memberId, string summary, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEntry
        {
            At = time.GetUtcNow(),
            Actor = actor,
            Area = AuditAreas.Members,
            Action = action,
            Target = memberId,
            ConnectorId = connectorId,
            Summary = summary,
        }, cancellationToken);

    private static Outcome<MemberView> NoMember(string connectorId, string memberId) =>
        Outcome<MemberView>.NotFound($"Connector '{connectorId}' has no member '{memberId}'.");
}

/// <summary>An operator's request for a member's account.</summary>
/// <param name="Username">The existing account to link, or the name for a new one; null: the member's email.</param>
public sealed record AccountRequest([property: System.Text.Json.Serialization.JsonPropertyName("username")] string? Username);
