using System.Text.Json;
using CoworkSync.Administration.Audit;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Connectors.Updates;
using CoworkSync.Outcomes;

namespace CoworkSync.Administration.Connectors;

/// <summary>
/// What operators do with connectors (the admin API and the console alike): configure them, set their secrets and plan
/// mappings, start their platform's connection, look at them. Every change is recorded in the audit log.
/// </summary>
public sealed class ConnectorAdministration(
    ConnectorStore store,
    ConnectorUpdates updates,
    ConnectorSecretUpdates secrets,
    PlanMappingUpdates mappings,
    ConnectorViews views,
    PlatformRegistry platforms,
    AuditLog audit,
    TimeProvider time)
{
    public async Task<Outcome<ConnectorView>> GetAsync(string connectorId, CancellationToken cancellationToken) =>
        await store.GetAsync(connectorId, cancellationToken) is { } connector
            ? Outcome<ConnectorView>.Done(await views.ForAsync(connector, cancellationToken))
            : NoConnector<ConnectorView>(connectorId);

    public async Task<IReadOnlyList<ConnectorView>> ListAsync(CancellationToken cancellationToken)
    {
        var items = new List<ConnectorView>();
        foreach (var connector in await store.ListAsync(cancellationToken))
            items.Add(await views.ForAsync(connector, cancellationToken));
        return items;
    }

    /// <summary>Creates (<see cref="OutcomeStatus.Created"/>) or replaces a connector's configuration (<see cref="ConnectorUpdates"/>).</summary>
    /// <param name="connectorId">The connector's id.</param>
    /// <param name="input">The configuration; null when the caller could not read it.</param>
    /// <param name="actor">Who asks, for the audit log.</param>
    /// <param name="cancellationToken">Cancels the reads and the write.</param>
    public Task<Outcome<ConnectorView>> PutAsync(string connectorId, ConnectorInput? input, AuditActor actor, CancellationToken cancellationToken) =>
        SaveAsync(connectorId, input, actor, onlyIfNew: false, cancellationToken);

    /// <summary>
    /// Creates a connector, never replacing one: an id a connector has is refused with <see cref="OutcomeStatus.Conflict"/>
    /// (<see cref="ConnectorUpdates.TakenId"/>), nothing changed and nothing audited. Otherwise as <see cref="PutAsync"/>.
    /// </summary>
    public Task<Outcome<ConnectorView>> CreateAsync(string connectorId, ConnectorInput? input, AuditActor actor, CancellationToken cancellationToken) =>
        SaveAsync(connectorId, input, actor, onlyIfNew: true, cancellationToken);

    private async Task<Outcome<ConnectorView>> SaveAsync(string connectorId, ConnectorInput? input, AuditActor actor, bool onlyIfNew, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var before = ConnectorInput.IsValidConnectorId(connectorId) && input is not null ? await store.GetAsync(connectorId, cancellationToken) : null;
        var saved = await updates.PutAsync(connectorId, input, cancellationToken, onlyIfNew);
        if (!saved.Succeeded)
            return saved.As<ConnectorView>();
        var connector = saved.Value!;
        var created = saved.Status == OutcomeStatus.Created;
        var changes = AuditDiff.Between(created ? null : ConnectorAuditShapes.Connector(before), ConnectorAuditShapes.Connector(connector));
        await RecordAsync(actor, created ? AuditActions.ConnectorCreated : AuditActions.ConnectorUpdated, connectorId,
            created ? $"Created connector {connectorId} ({PlatformName(connector)})." : $"Changed the configuration of connector {connectorId} ({AuditDiff.Count(changes.Count)}).",
            changes, cancellationToken: cancellationToken);
        var view = await views.ForAsync(connector, cancellationToken);
        return created ? Outcome<ConnectorView>.Created(view) : Outcome<ConnectorView>.Done(view);
    }

    /// <summary>Sets the connector's secrets (<see cref="ConnectorSecretUpdates"/>); the outcome names the secrets set, never a value.</summary>
    /// <param name="connectorId">The connector whose secrets are set.</param>
    /// <param name="body">The secrets as a JSON object; null when the caller could not read it.</param>
    /// <param name="actor">Who asks, for the audit log.</param>
    /// <param name="cancellationToken">Cancels the reads and writes.</param>
    public async Task<Outcome<IReadOnlyList<string>>> PutSecretsAsync(string connectorId, JsonElement? body, AuditActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var done = await secrets.PutAsync(connectorId, body, cancellationToken);
        if (!done.Succeeded)
            return done.As<IReadOnlyList<string>>();
        var update = done.Value!;
        var names = update.Set.Count == 0 ? "no secret" : string.Join(", ", update.Set);
        await RecordAsync(actor, AuditActions.SecretsSet, connectorId,
            $"Set {names} of connector {connectorId}" + (update.WebhookSecretRotated ? "; the webhook secret rotated (the previous one stays valid for the grace period)." : "."),
            [], update.Set, cancellationToken: cancellationToken);
        return Outcome<IReadOnlyList<string>>.Done(update.Set);
    }

    /// <summary>Each of the connector's platform's secrets, described, with whether it is set and when it last was; never a value.</summary>
    public async Task<Outcome<IReadOnlyList<SecretFieldView>>> GetSecretsAsync(string connectorId, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(connectorId, cancellationToken) is not { } connector)
            return NoConnector<IReadOnlyList<SecretFieldView>>(connectorId);
        if (platforms.Find(connector.Platform) is not { } platform)
            return Outcome<IReadOnlyList<SecretFieldView>>.Done([]);
        var set = await platform.Secrets.FieldsSetAsync(connector, cancellationToken);
        return Outcome<IReadOnlyList<SecretFieldView>>.Done([.. platform.Secrets.Fields.Select(f => new SecretFieldView(
            f.Name, f.Label, f.Help, f.Group, set.GetValueOrDefault(f.Name), connector.SecretsSetAt.TryGetValue(f.Name, out var at) ? at : null))]);
    }

    public async Task<Outcome<IReadOnlyList<PlanMappingView>>> GetPlanMappingsAsync(string connectorId, CancellationToken cancellationToken) =>
        await store.GetAsync(connectorId, cancellationToken) is { } connector
            ? Outcome<IReadOnlyList<PlanMappingView>>.Done(PlanMappingView.From(connector.PlanMappings))
            : NoConnector<IReadOnlyList<PlanMappingView>>(connectorId);

    /// <summary>Replaces the plan mapping (<see cref="PlanMappingUpdates"/>).</summary>
    /// <param name="connectorId">The connector whose mapping is replaced.</param>
    /// <param name="input">The whole mapping; null when the caller could not read it.</param>
    /// <param name="actor">Who asks, for the audit log.</param>
    /// <param name="cancellationToken">Cancels the reads and the write.</param>
    public async Task<Outcome<IReadOnlyList<PlanMappingView>>> PutPlanMappingsAsync(
        string connectorId, IReadOnlyList<PlanMappingInput?>? input, AuditActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var before = input is null ? null : await store.GetAsync(connectorId, cancellationToken);
        var saved = await mappings.PutAsync(connectorId, input, cancellationToken);
        if (!saved.Succeeded)
            return saved.As<IReadOnlyList<PlanMappingView>>();
        var changes = AuditDiff.Between(before is null ? null : ConnectorAuditShapes.PlanMappings(before.PlanMappings), ConnectorAuditShapes.PlanMappings(saved.Value!));
        await RecordAsync(actor, AuditActions.PlanMappingsReplaced, connectorId,
            $"Replaced the plan mapping of connector {connectorId} ({AuditDiff.Count(changes.Count)}).", changes, cancellationToken: cancellationToken);
        return Outcome<IReadOnlyList<PlanMappingView>>.Done(PlanMappingView.From(saved.Value!));
    }

    /// <summary>
    /// The plans the connector's platform reports, read as the connector test's <c>api</c> check reads them (one call to
    /// the platform); its message when it cannot.
    /// </summary>
    public async Task<Outcome<PlatformCheck>> ReadPlatformPlansAsync(string connectorId, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(connectorId, cancellationToken) is not { } connector)
            return NoConnector<PlatformCheck>(connectorId);
        return Outcome<PlatformCheck>.Done(await platforms.For(connector).Members.CheckAsync(connector, cancellationToken));
    }

    /// <summary>
    /// Starts the connector's platform's interactive connection (<see cref="IPlatformConnect"/>) for the person asking:
    /// where to send them. A conflict when the platform has none, or it cannot start yet (a secret missing).
    /// </summary>
    public async Task<Outcome<string>> StartConnectAsync(string connectorId, AuditActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await store.GetAsync(connectorId, cancellationToken) is not { } connector)
            return NoConnector<string>(connectorId);
        if (platforms.For(connector).Connect is not { } connect)
            return Outcome<string>.Conflict($"{PlatformName(connector)} connectors have no interactive connection: their secrets connect them.");
        var start = await connect.StartAsync(connector, cancellationToken);
        if (start.RedirectTo is not { } url)
            return Outcome<string>.Conflict(start.Problem ?? "The connection cannot start yet.");
        await RecordAsync(actor, AuditActions.ConnectStarted, connectorId, $"Started connecting connector {connectorId} at {PlatformName(connector)}.", [],
            cancellationToken: cancellationToken);
        return Outcome<string>.Done(url);
    }

    private Task RecordAsync(
        AuditActor actor, string action, string connectorId, string summary, IReadOnlyList<AuditChange> changes, IReadOnlyList<string>? secretsSet = null,
        CancellationToken cancellationToken = default) =>
        audit.RecordAsync(new AuditEntry
        {
            At = time.GetUtcNow(),
            Actor = actor,
            Area = AuditAreas.Connectors,
            Action = action,
            Target = connectorId,
            ConnectorId = connectorId,
            Summary = summary,
            Changes = changes,
            SecretsSet = secretsSet ?? [],
        }, cancellationToken);

    private string PlatformName(Connector connector) => platforms.Find(connector.Platform)?.DisplayName ?? connector.Platform;


    private static Outcome<T> NoConnector<T>(string connectorId) => Outcome<T>.NotFound($"There is no connector '{connectorId}'.");
}
