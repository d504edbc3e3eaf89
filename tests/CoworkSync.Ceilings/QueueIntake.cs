using System.Text.Json;
using Azure.Storage.Queues;

namespace CoworkSync.Ceilings;

/// <summary>
/// <c>POST /api/webhooks/coworks/{connectorId}</c>: the one durable write webhook intake cannot avoid, one enqueue of
/// the body (base64 in a small JSON message, as local mode's queue carries it) to a storage queue of the same Azurite,
/// then 202. No signature check, no parsing: a bare endpoint.
/// </summary>
public sealed class QueueIntake(QueueServiceClient queues, CeilingOptions options)
{
    private static readonly byte[] Accepted = """{"accepted":true}"""u8.ToArray();

    private readonly QueueClient _queue = queues.GetQueueClient(options.QueueName);

    public QueueClient Queue => _queue;

    public async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var message = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["MessageId"] = Guid.NewGuid().ToString("N"),
            ["Body"] = Convert.ToBase64String(buffer.GetBuffer(), 0, (int)buffer.Length),
            ["Properties"] = new Dictionary<string, string>(),
        });
        await _queue.SendMessageAsync(message, context.RequestAborted);
        await FixedReplies.WriteJsonAsync(context.Response, StatusCodes.Status202Accepted, Accepted);
    }
}
