using System.Globalization;
using Azure.Data.Tables;
using CoworkSync.Messaging.Events;
using CoworkSync.State.Tables;

namespace CoworkSync.Messaging.DeadLetters;

/// <summary>
/// Dead letters in one partition (they are few, and support staff list them across connectors), keyed by
/// dead-letter id; the audit trail in its own table, one partition per dead letter, newest first; the open ones also
/// in <see cref="OpenDeadLetters"/>, so they are counted without a scan.
/// </summary>
public sealed class TableDeadLetterStore(StateTables tables, TimeProvider time, OpenDeadLetters open) : IDeadLetterStore
{
    public async Task<DeadLetter> RecordFailureAsync(DeadLetterFailure failure, CancellationToken cancellationToken)
    {
        // A message without an id gets a new one each time it is asked: asked once, so the history and the record agree.
        var id = failure.DeadLetterId;
        // The failure joins the dead letter's history first: a recording that fails after it is retried, and the
        // history keeps every time the event failed, however often it was replayed in between.
        await AppendAuditAsync(id, new DeadLetterAuditEntry(
            DeadLetterAuditEntry.Failed, failure.Source, failure.FailedAt, Failure(failure)), cancellationToken);
        // Marked open first: a failure in between counts one too many for a while, never one too few.
        await open.MarkOpenAsync(id, cancellationToken);
        return await OptimisticConcurrency.RunAsync(async ct =>
        {
            var table = await tables.GetAsync(TableNames.DeadLetters, ct);
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(DeadLetterEntityMapper.Partition, TableKey.Escape(id), cancellationToken: ct);
            var record = Merge(existing.HasValue ? DeadLetterEntityMapper.FromEntity(existing.Value!) : null, id, failure);
            var entity = DeadLetterEntityMapper.ToEntity(record);
            if (existing.HasValue)
                await table.UpdateEntityAsync(entity, existing.Value!.ETag, TableUpdateMode.Replace, ct);
            else
                await table.AddEntityAsync(entity, ct);
            return record;
        }, time, cancellationToken);
    }

    /// <summary>A failure in the history: its reason, how many tries it took, and the error (cut to 2,000 characters).</summary>
    private static string Failure(DeadLetterFailure failure)
    {
        var error = failure.ErrorDescription is { Length: > 2000 } text ? text[..2000] + "…" : failure.ErrorDescription;
        var tries = failure.Attempts <= 1 ? "1 try" : $"{failure.Attempts} tries";
        return error is null ? $"{failure.Reason} after {tries}" : $"{failure.Reason} after {tries}: {error}";
    }

    public async Task<DeadLetter?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.DeadLetters, cancellationToken);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(DeadLetterEntityMapper.Partition, TableKey.Escape(id), cancellationToken: cancellationToken);
        return found.HasValue ? DeadLetterEntityMapper.FromEntity(found.Value!) : null;
    }

    public async Task<DeadLetterPage> ListAsync(DeadLetterQuery query, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.DeadLetters, cancellationToken);
        var filter = BuildFilter(query);
        await foreach (var page in table.QueryAsync<TableEntity>(filter, maxPerPage: query.PageSize, cancellationToken: cancellationToken)
                           .AsPages(query.ContinuationToken, query.PageSize))
        {
            return new DeadLetterPage(page.Values.Select(DeadLetterEntityMapper.FromEntity).ToList(), page.ContinuationToken);
        }
        return new DeadLetterPage([], null);
    }

    public async Task<DeadLetter?> UpdateAsync(string id, Func<DeadLetter, DeadLetter> change, DeadLetterAuditEntry audit, CancellationToken cancellationToken)
    {
        var updated = await OptimisticConcurrency.RunAsync(async ct =>
        {
            var table = await tables.GetAsync(TableNames.DeadLetters, ct);
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(DeadLetterEntityMapper.Partition, TableKey.Escape(id), cancellationToken: ct);
            if (!existing.HasValue)
                return null;
            var record = change(DeadLetterEntityMapper.FromEntity(existing.Value!));
            await table.UpdateEntityAsync(DeadLetterEntityMapper.ToEntity(record), existing.Value!.ETag, TableUpdateMode.Replace, ct);
            return record;
        }, time, cancellationToken);

        if (updated is not null)
        {
            await AppendAuditAsync(id, audit, cancellationToken);
            if (updated.State != DeadLetterState.Open)
                await open.MarkClosedAsync(id, cancellationToken);
        }
        return updated;
    }

    public async Task<IReadOnlyList<DeadLetterAuditEntry>> GetHistoryAsync(string id, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.DeadLetterAudit, cancellationToken);
        var entries = new List<DeadLetterAuditEntry>();
        await foreach (var e in table.QueryAsync<TableEntity>(x => x.PartitionKey == TableKey.Escape(id), cancellationToken: cancellationToken))
        {
            entries.Add(new DeadLetterAuditEntry(
                e.GetString("Action") ?? "", e.GetString("Actor") ?? "", e.GetDateTimeOffset("At") ?? default, e.GetString("Comment")));
        }
        return entries;
    }

    private async Task AppendAuditAsync(string id, DeadLetterAuditEntry audit, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.DeadLetterAudit, cancellationToken);
        var newestFirst = (DateTimeOffset.MaxValue.Ticks - audit.At.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        await table.AddEntityAsync(new TableEntity(TableKey.Escape(id), $"{newestFirst}-{Guid.NewGuid():N}")
        {
            ["Action"] = audit.Action,
            ["Actor"] = audit.Actor,
            ["At"] = audit.At,
            ["Comment"] = audit.Comment,
        }, cancellationToken);
    }

    private static DeadLetter Merge(DeadLetter? existing, string id, DeadLetterFailure failure)
    {
        var envelope = failure.Envelope;
        return new DeadLetter
        {
            Id = id,
            EventId = envelope?.Id ?? existing?.EventId,
            ConnectorId = envelope?.ConnectorId ?? existing?.ConnectorId,
            EventType = envelope?.Type ?? existing?.EventType,
            Reason = failure.Reason,
            ErrorDescription = failure.ErrorDescription,
            Source = failure.Source,
            Attempts = (existing?.Attempts ?? 0) + Math.Max(1, failure.Attempts),
            FirstFailedAt = existing?.FirstFailedAt ?? failure.FailedAt,
            LastFailedAt = failure.FailedAt,
            State = DeadLetterState.Open,
            Envelope = envelope is null ? existing?.Envelope : System.Text.Encoding.UTF8.GetString(EventEnvelopeJson.Serialize(envelope)),
            RawMessage = failure.RawMessage ?? existing?.RawMessage,
            ReplayCount = existing?.ReplayCount ?? 0,
            LastReplayedBy = existing?.LastReplayedBy,
            LastReplayedAt = existing?.LastReplayedAt,
        };
    }

    private static string BuildFilter(DeadLetterQuery query)
    {
        var clauses = new List<string> { TableClient.CreateQueryFilter($"PartitionKey eq {DeadLetterEntityMapper.Partition}") };
        if (query.ConnectorId is { } connector)
            clauses.Add(TableClient.CreateQueryFilter($"ConnectorId eq {connector}"));
        if (query.EventType is { } type)
            clauses.Add(TableClient.CreateQueryFilter($"EventType eq {type}"));
        if (query.State is { } state)
            clauses.Add(TableClient.CreateQueryFilter($"State eq {state.ToString()}"));
        if (query.Reason is { } reason)
            clauses.Add(TableClient.CreateQueryFilter($"Reason eq {reason}"));
        if (query.FailedFrom is { } from)
            clauses.Add(TableClient.CreateQueryFilter($"LastFailedAt ge {from}"));
        if (query.FailedBefore is { } before)
            clauses.Add(TableClient.CreateQueryFilter($"LastFailedAt lt {before}"));
        return string.Join(" and ", clauses);
    }
}
