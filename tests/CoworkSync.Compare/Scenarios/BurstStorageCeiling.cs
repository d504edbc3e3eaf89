using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using CoworkSync.Compare.Seed;
using CoworkSync.Compare.Services;

namespace CoworkSync.Compare.Scenarios;

/// <summary>
/// The burst's storage ceiling: a bare client that makes, on the same Azurite and in the same tables and partitions,
/// the storage operations that docs/decisions.md counts for a new member's webhook ("A new member's webhook, counted"),
/// shaped as CoworkSync's local mode makes them: all enqueued at once (32 at a time), then received up to 32 at a time
/// and applied 16 at a time, each message's operations one after the other, the welcome email's event enqueued into
/// the same queue behind them. No HTTP, no JSON, no logic: what is left is the emulator's share.
/// </summary>
/// <remarks>
/// Per member: enqueue; claim (insert); member row read (404); account insert; email-index upsert; name-index
/// transaction (two inserts); member row insert; history insert; welcome enqueue; the account's queued mark (merge);
/// mark applied (replace of the claim); dequeue. Per welcome email: claim; account read; member row read; the sent mark
/// (merge); mark applied; dequeue. It is timed, as the burst is, until every member's and every welcome email's event is
/// applied and dequeued, and to the moment its last account was written (what "every account enabled" waits for);
/// <see cref="CleanUpAsync"/> then deletes what it wrote, outside the time, so later rows see the tables as they were.
/// </remarks>
public sealed class BurstStorageCeiling(Azurite azurite, string connectorId)
{
    private const int InHand = 16;
    private const int ReceiveAtMost = 32;
    private const string Prefix = "k";
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);
    private static readonly string Payload = new('x', 900);

    private readonly TableServiceClient _service = new(azurite.ConnectionString);
    private readonly QueueClient _queue = new(azurite.ConnectionString, "events-ceiling-burst");
    private readonly ConcurrentBag<(string Table, string Partition, string Row)> _written = [];
    private readonly Stopwatch _clock = new();
    private int _accountsWritten;
    private int _members;
    private TimeSpan _accountsDone;

    /// <summary>Enqueues and applies <paramref name="members"/> new members.</summary>
    /// <returns>How long until the last account was written, and until the last event was dequeued.</returns>
    public async Task<(TimeSpan AccountsWritten, TimeSpan AllApplied)> RunAsync(int members)
    {
        _members = members;
        await _queue.CreateIfNotExistsAsync();
        await _queue.ClearMessagesAsync();
        foreach (var table in new[] { "ProcessedEvents", "Members", "Accounts", "MemberEmails", "MemberNames", "MemberHistory" })
            await _service.GetTableClient(table).CreateIfNotExistsAsync();
        var run = "c" + DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);

        var clock = _clock;
        clock.Start();
        await Parallel.ForEachAsync(Enumerable.Range(0, members), new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (i, ct) => await _queue.SendMessageAsync($"m|{i}|{run}|{Payload}", ct));
        var welcomed = 0;
        using var inHand = new SemaphoreSlim(InHand);
        var running = new List<Task>();
        while (Volatile.Read(ref welcomed) < members)
        {
            var free = Math.Min(ReceiveAtMost, Math.Max(1, inHand.CurrentCount));
            QueueMessage[] received = (await _queue.ReceiveMessagesAsync(free)).Value;
            if (received.Length == 0)
            {
                await Task.Delay(1);
                continue;
            }
            foreach (var message in received)
            {
                await inHand.WaitAsync();
                running.Add(Task.Run(async () =>
                {
                    try
                    {
                        var parts = message.MessageText.Split('|');
                        var index = int.Parse(parts[1], CultureInfo.InvariantCulture);
                        if (parts[0] == "m")
                            await ApplyMemberAsync(index, parts[2]);
                        else
                            await ApplyWelcomeAsync(index, parts[2]);
                        await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                        if (parts[0] == "w")
                            Interlocked.Increment(ref welcomed);
                    }
                    finally
                    {
                        inHand.Release();
                    }
                }));
            }
            if (running.FirstOrDefault(t => t.IsFaulted) is { } failed)
                await failed; // an operation that failed would be received again and fail again: stop with its error
            running.RemoveAll(t => t.IsCompleted);
            if (clock.Elapsed > Limit)
                throw new TimeoutException($"The burst's storage ceiling did not apply {members} members within {Limit.TotalSeconds:0} s.");
        }
        await Task.WhenAll(running);
        return (_accountsDone, clock.Elapsed);
    }

    private async Task ApplyMemberAsync(int index, string run)
    {
        var memberId = BenchMembers.Id(Prefix, index);
        var username = BenchMembers.Username(Prefix, index);
        await Add("ProcessedEvents", Claim(EventId("m", index, run)));
        await Table("Members").GetEntityIfExistsAsync<TableEntity>(connectorId, memberId);
        var account = FillerRows.Account(connectorId, Prefix, index);
        await Add("Accounts", account);
        if (Interlocked.Increment(ref _accountsWritten) == _members)
            _accountsDone = _clock.Elapsed;
        await Upsert("MemberEmails", new TableEntity(username, connectorId + "|" + memberId) { ["ConnectorId"] = connectorId, ["MemberId"] = memberId });
        TableEntity[] names =
        [
            new(connectorId, $"member {index}|{memberId}") { ["MemberId"] = memberId, ["Reversed"] = false },
            new(connectorId, $"{index} member|{memberId}") { ["MemberId"] = memberId, ["Reversed"] = true },
        ];
        await Table("MemberNames").SubmitTransactionAsync(names.Select(n => new TableTransactionAction(TableTransactionActionType.Add, n)));
        foreach (var name in names)
            _written.Add(("MemberNames", name.PartitionKey, name.RowKey));
        var member = FillerRows.Member(connectorId, Prefix, index);
        await Add("Members", member);
        await Add("MemberHistory", new TableEntity(connectorId, memberId + "|0000000001")
        {
            ["Sequence"] = 1L,
            ["At"] = DateTimeOffset.UtcNow,
            ["EventId"] = EventId("m", index, run),
            ["Outcome"] = "Created",
            ["Summary"] = "New member: account created, enabled in group bench.",
        });
        await _queue.SendMessageAsync($"w|{index}|{run}|{Payload}");
        await Table("Accounts").UpdateEntityAsync(new TableEntity(username, "account") { ["WelcomeEmailQueuedAt"] = DateTimeOffset.UtcNow }, ETag.All, TableUpdateMode.Merge);
        await Table("ProcessedEvents").UpdateEntityAsync(Applied(EventId("m", index, run)), ETag.All, TableUpdateMode.Replace);
    }

    private async Task ApplyWelcomeAsync(int index, string run)
    {
        var username = BenchMembers.Username(Prefix, index);
        await Add("ProcessedEvents", Claim(EventId("w", index, run)));
        await Table("Accounts").GetEntityIfExistsAsync<TableEntity>(username, "account");
        await Table("Members").GetEntityIfExistsAsync<TableEntity>(connectorId, BenchMembers.Id(Prefix, index));
        await Table("Accounts").UpdateEntityAsync(new TableEntity(username, "account") { ["WelcomeEmailSentAt"] = DateTimeOffset.UtcNow }, ETag.All, TableUpdateMode.Merge);
        await Table("ProcessedEvents").UpdateEntityAsync(Applied(EventId("w", index, run)), ETag.All, TableUpdateMode.Replace);
    }

    private TableEntity Claim(string eventId) => new(connectorId, eventId)
    {
        ["State"] = "Processing",
        ["EventType"] = "coworks.webhook",
        ["LeaseUntil"] = DateTimeOffset.UtcNow.AddMinutes(5),
    };

    private TableEntity Applied(string eventId) => new(connectorId, eventId)
    {
        ["State"] = "Applied",
        ["EventType"] = "coworks.webhook",
        ["AppliedAt"] = DateTimeOffset.UtcNow,
        ["Attempt"] = 1,
    };

    private static string EventId(string kind, int index, string run) => $"evt_ceiling_{run}_{kind}{index:D6}";

    private TableClient Table(string name) => _service.GetTableClient(name);

    private async Task Add(string table, TableEntity entity)
    {
        await Table(table).AddEntityAsync(entity);
        _written.Add((table, entity.PartitionKey, entity.RowKey));
    }

    private async Task Upsert(string table, TableEntity entity)
    {
        await Table(table).UpsertEntityAsync(entity, TableUpdateMode.Replace);
        _written.Add((table, entity.PartitionKey, entity.RowKey));
    }

    /// <summary>Deletes every row the run wrote, and its queue.</summary>
    public async Task CleanUpAsync()
    {
        await Parallel.ForEachAsync(_written.Distinct(), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (row, ct) => await Table(row.Table).DeleteEntityAsync(row.Partition, row.Row, ETag.All, ct));
        await _queue.DeleteIfExistsAsync();
    }
}
