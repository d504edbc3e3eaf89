using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using CoworkSync.State.Tables;
using Microsoft.Extensions.Options;

namespace CoworkSync.Messaging.LocalQueue;

/// <summary>
/// The events queue of local mode, on an Azure Storage queue: send (with a delay), receive under a lock,
/// complete, abandon, and move to the dead-letter queue with a reason, as Service Bus does.
/// </summary>
public sealed class LocalEventQueue(QueueServiceClient queues, StateTables tables, QueueArrivals arrivals, IOptions<LocalQueueOptions> options)
{
    public const string PayloadTable = "LocalQueuePayloads";
    public const string DeadLetterReasonProperty = "DeadLetterReason";
    public const string DeadLetterErrorDescriptionProperty = "DeadLetterErrorDescription";

    // A storage queue message holds 64 KiB; larger bodies wait in a table row (up to its 1 MiB).
    private const int MaxInlineBase64Length = 48 * 1024;

    private readonly SemaphoreSlim _createLock = new(1, 1);
    private volatile bool _created;

    public LocalQueueOptions Options => options.Value;

    public QueueClient Main => queues.GetQueueClient(options.Value.QueueName);

    public QueueClient DeadLetter => queues.GetQueueClient(options.Value.DeadLetterQueueName);

    public async Task SendAsync(ReadOnlyMemory<byte> body, string messageId, TimeSpan delay, IReadOnlyDictionary<string, string>? properties, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        var message = await ToMessageAsync(body, messageId, properties, cancellationToken);
        await ForgetCreationIfMissing(() => Main.SendMessageAsync(JsonSerializer.Serialize(message), delay > TimeSpan.Zero ? delay : null, cancellationToken: cancellationToken));
        // Due now: wake the pump rather than let it sleep through its poll interval.
        if (delay <= TimeSpan.Zero)
            arrivals.Signal();
    }

    public async Task<QueueMessage[]> ReceiveAsync(QueueClient queue, int maxMessages, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        var received = await ForgetCreationIfMissing(() => queue.ReceiveMessagesAsync(maxMessages, options.Value.LockDuration, cancellationToken));
        return received.Value;
    }

    /// <summary>
    /// Reads the main queue's properties: proof that the queue service answers and the queue exists. When this call
    /// created the queues (the first use after a start), their creation is that proof already.
    /// </summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        if (await EnsureCreatedAsync(cancellationToken))
            return;
        await ForgetCreationIfMissing(() => Main.GetPropertiesAsync(cancellationToken));
    }

    /// <summary>Reads a received message; a body that is not the local format is taken whole as the body.</summary>
    public async Task<(LocalQueueMessage Message, byte[] Body)> ReadAsync(QueueMessage received, CancellationToken cancellationToken)
    {
        LocalQueueMessage? message = null;
        try
        {
            message = JsonSerializer.Deserialize<LocalQueueMessage>(received.MessageText);
        }
        catch (JsonException)
        {
            // Not ours: handled below as a raw body.
        }
        if (message is null)
            return (new LocalQueueMessage { MessageId = received.MessageId }, received.Body.ToArray());

        if (message.BodyRef is { } reference)
        {
            var table = await tables.GetAsync(PayloadTable, cancellationToken);
            var row = await table.GetEntityIfExistsAsync<TableEntity>(options.Value.QueueName, reference, cancellationToken: cancellationToken);
            var text = row.HasValue ? LargeText.Read(row.Value!, "Body") : null;
            return (message, text is null ? [] : Convert.FromBase64String(text));
        }
        return (message, message.Body is null ? [] : Convert.FromBase64String(message.Body));
    }

    public async Task CompleteAsync(QueueClient queue, QueueMessage received, LocalQueueMessage message, CancellationToken cancellationToken)
    {
        await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt, cancellationToken);
        if (message.BodyRef is { } reference)
        {
            var table = await tables.GetAsync(PayloadTable, cancellationToken);
            await table.DeleteEntityAsync(options.Value.QueueName, reference, ETag.All, cancellationToken);
        }
    }

    /// <summary>Gives the message back for immediate redelivery, as a Service Bus abandon does.</summary>
    public Task AbandonAsync(QueueClient queue, QueueMessage received, TimeSpan redeliverAfter, CancellationToken cancellationToken) =>
        queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, visibilityTimeout: redeliverAfter, cancellationToken: cancellationToken);

    /// <summary>Moves the message to the dead-letter queue with a reason, keeping its id, body and properties.</summary>
    public async Task MoveToDeadLetterAsync(QueueMessage received, LocalQueueMessage message, string reason, string description, CancellationToken cancellationToken)
    {
        var properties = new Dictionary<string, string>(message.Properties)
        {
            [DeadLetterReasonProperty] = reason,
            [DeadLetterErrorDescriptionProperty] = description,
        };
        var dead = message with { Properties = properties };
        await DeadLetter.SendMessageAsync(JsonSerializer.Serialize(dead), cancellationToken: cancellationToken);
        // The payload row, if any, now belongs to the dead-letter message: delete only the main-queue message.
        await Main.DeleteMessageAsync(received.MessageId, received.PopReceipt, cancellationToken);
    }

    /// <summary>Creates both queues the first time; true when this call created them (it reached the queue service).</summary>
    public async Task<bool> EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (_created)
            return false;
        await _createLock.WaitAsync(cancellationToken);
        try
        {
            if (_created)
                return false;
            await Task.WhenAll(
                Main.CreateIfNotExistsAsync(cancellationToken: cancellationToken),
                DeadLetter.CreateIfNotExistsAsync(cancellationToken: cancellationToken));
            _created = true;
            return true;
        }
        finally
        {
            _createLock.Release();
        }
    }

    // A queue deleted behind our back (an emulator restarted without persistence) is created again on next use.
    private async Task<T> ForgetCreationIfMissing<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == QueueErrorCode.QueueNotFound)
        {
            _created = false;
            throw;
        }
    }

    private async Task<LocalQueueMessage> ToMessageAsync(ReadOnlyMemory<byte> body, string messageId, IReadOnlyDictionary<string, string>? properties, CancellationToken cancellationToken)
    {
        var base64 = Convert.ToBase64String(body.Span);
        var props = properties is null ? [] : new Dictionary<string, string>(properties);
        if (base64.Length <= MaxInlineBase64Length)
            return new LocalQueueMessage { MessageId = messageId, Body = base64, Properties = props };

        var reference = Guid.NewGuid().ToString("N");
        var table = await tables.GetAsync(PayloadTable, cancellationToken);
        var row = new TableEntity(options.Value.QueueName, reference);
        LargeText.Write(row, "Body", base64);
        await table.AddEntityAsync(row, cancellationToken);
        return new LocalQueueMessage { MessageId = messageId, BodyRef = reference, Properties = props };
    }
}
