using System.Text.Json;

namespace CoworkSync.Messaging.Events;

/// <summary>Reads and writes envelopes, rejecting any that lack a required field.</summary>
public static class EventEnvelopeJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static byte[] Serialize(EventEnvelope envelope) => JsonSerializer.SerializeToUtf8Bytes(envelope, Options);

    /// <exception cref="MalformedEnvelopeException">The bytes are not a complete envelope.</exception>
    public static EventEnvelope Deserialize(ReadOnlySpan<byte> utf8Json)
    {
        EventEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<EventEnvelope>(utf8Json, Options);
        }
        catch (JsonException ex)
        {
            throw new MalformedEnvelopeException($"The message is not an event envelope: {ex.Message}", ex);
        }

        if (envelope is null)
            throw new MalformedEnvelopeException("The message is not an event envelope: it is null.");
        if (string.IsNullOrWhiteSpace(envelope.Id) || string.IsNullOrWhiteSpace(envelope.Type) || string.IsNullOrWhiteSpace(envelope.ConnectorId))
            throw new MalformedEnvelopeException("The event envelope has an empty id, type or connectorId.");
        if (envelope.Attempt < 1)
            throw new MalformedEnvelopeException("The event envelope's attempt must be at least 1.");
        return envelope;
    }
}
