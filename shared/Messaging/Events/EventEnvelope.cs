using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoworkSync.Messaging.Events;

/// <summary>
/// The one message shape on the events queue: what happened, for which connector, when, and how often
/// CoworkSync has tried to apply it. The event id is stable across retries and replays.
/// </summary>
public sealed record EventEnvelope
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("connectorId")]
    public required string ConnectorId { get; init; }

    [JsonPropertyName("occurredAt")]
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>1 for the first try; incremented each time a transient failure re-publishes the event.</summary>
    [JsonPropertyName("attempt")]
    public int Attempt { get; init; } = 1;

    [JsonPropertyName("payload")]
    public JsonElement Payload { get; init; }

    public EventEnvelope NextAttempt() => this with { Attempt = Attempt + 1 };
}
