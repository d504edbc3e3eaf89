using CoworkSync.Messaging.Events;

namespace CoworkSync.Messaging.DeadLetters;

public static class DeadLetterIds
{
    public const string UnknownConnector = "unknown";

    public static string For(EventEnvelope envelope) => $"{envelope.ConnectorId}:{envelope.Id}";

    public static string ForMessage(string? messageId) => $"{UnknownConnector}:{(string.IsNullOrEmpty(messageId) ? Guid.NewGuid().ToString("N") : messageId)}";
}
