using System.Text.Json.Serialization;

namespace CoworkSync.Messaging.DeadLetters;

[JsonConverter(typeof(JsonStringEnumConverter<DeadLetterState>))]
public enum DeadLetterState
{
    /// <summary>Waiting for support staff.</summary>
    Open,

    /// <summary>Re-published at least once; becomes open again if the event fails again.</summary>
    Replayed,

    /// <summary>Set aside by support staff; kept for the record.</summary>
    Discarded,
}
