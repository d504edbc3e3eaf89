using System.Text.Json.Serialization;

namespace CoworkSync.Messaging.LocalQueue;

/// <summary>
/// The local queue's stand-in for a Service Bus message: a message id, application properties (the dead-letter
/// reason travels there, as on Service Bus) and the body, inline as base64 or, when too large for a storage
/// queue message, as a reference to a row in the payload table.
/// </summary>
public sealed record LocalQueueMessage
{
    [JsonPropertyName("messageId")]
    public required string MessageId { get; init; }

    [JsonPropertyName("body")]
    public string? Body { get; init; }

    [JsonPropertyName("bodyRef")]
    public string? BodyRef { get; init; }

    [JsonPropertyName("properties")]
    public Dictionary<string, string> Properties { get; init; } = [];
}
