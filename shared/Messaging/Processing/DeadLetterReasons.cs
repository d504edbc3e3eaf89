namespace CoworkSync.Messaging.Processing;

/// <summary>The reasons a dead letter can carry. Service Bus sets its own (e.g. MaxDeliveryCountExceeded).</summary>
public static class DeadLetterReasons
{
    public const string MalformedMessage = "MalformedMessage";
    public const string UnknownEventType = "UnknownEventType";
    public const string UnknownConnector = "UnknownConnector";
    public const string InvalidPayload = "InvalidPayload";
    public const string InvalidEmailAddress = "InvalidEmailAddress";
    public const string MissingCredentials = "MissingCredentials";
    public const string PlatformRefused = "PlatformRefused";
    public const string RetriesExhausted = "RetriesExhausted";
    public const string MaxDeliveryCountExceeded = "MaxDeliveryCountExceeded";

    /// <summary>Every reason above, as support staff filter by them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        MalformedMessage, UnknownEventType, UnknownConnector, InvalidPayload, InvalidEmailAddress, MissingCredentials, PlatformRefused,
        RetriesExhausted, MaxDeliveryCountExceeded,
    ];
}
