using System.Text.Json;
using System.Text.Json.Serialization;
using CoworkSync.Messaging.Events;

namespace CoworkSync.Members.Sync;

/// <summary>The event that runs one sync of a connector, so a failing platform is retried by the failure policy.</summary>
public sealed record SyncRequestedEvent([property: JsonPropertyName("runId")] string RunId)
{
    public const string Type = "connector.sync";

    public static EventEnvelope Envelope(string connectorId, string runId, DateTimeOffset now) => new()
    {
        Id = $"sync:{runId}",
        Type = Type,
        ConnectorId = connectorId,
        OccurredAt = now,
        Payload = JsonSerializer.SerializeToElement(new SyncRequestedEvent(runId)),
    };
}
