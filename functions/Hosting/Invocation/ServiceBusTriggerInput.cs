using System.Text.Json;
using CoworkSync.Messaging.Events;

namespace CoworkSync.Functions.Hosting.Invocation;

/// <summary>A Service Bus message as a custom handler receives it: the body from Data, the rest from Metadata.</summary>
public sealed record ServiceBusTriggerInput(QueueDelivery Delivery, IReadOnlyDictionary<string, string> ApplicationProperties, DateTimeOffset? EnqueuedTimeUtc)
{
    public const string DeadLetterReasonProperty = "DeadLetterReason";
    public const string DeadLetterErrorDescriptionProperty = "DeadLetterErrorDescription";

    public string? DeadLetterReason => ApplicationProperties.GetValueOrDefault(DeadLetterReasonProperty);

    public string? DeadLetterErrorDescription => ApplicationProperties.GetValueOrDefault(DeadLetterErrorDescriptionProperty);

    /// <exception cref="InvalidInvocationException">The payload has no data for the binding.</exception>
    public static ServiceBusTriggerInput Read(InvocationRequest request, string bindingName)
    {
        if (!request.Data.TryGetValue(bindingName, out var data))
            throw new InvalidInvocationException($"The invocation has no data for binding '{bindingName}'.");

        var metadata = request.Metadata;
        var properties = metadata.TryGetValue("ApplicationProperties", out var app) ? BindingValue.AsStringMap(app)
            : metadata.TryGetValue("UserProperties", out var user) ? BindingValue.AsStringMap(user)
            : new Dictionary<string, string>();

        var delivery = new QueueDelivery(
            BindingValue.AsBytes(data),
            Scalar(metadata, "MessageId", BindingValue.AsString),
            Scalar(metadata, "DeliveryCount", BindingValue.AsInt) ?? 1);
        return new ServiceBusTriggerInput(delivery, properties, Scalar(metadata, "EnqueuedTimeUtc", BindingValue.AsTimestamp));
    }

    private static T? Scalar<T>(Dictionary<string, JsonElement> metadata, string key, Func<JsonElement, T?> read) =>
        metadata.TryGetValue(key, out var value) ? read(value) : default;
}
