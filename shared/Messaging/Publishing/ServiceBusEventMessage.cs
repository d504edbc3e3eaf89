using Azure.Messaging.ServiceBus;
using CoworkSync.Messaging.Events;

namespace CoworkSync.Messaging.Publishing;

/// <summary>
/// The Service Bus message that carries an envelope: its JSON as the body, <c>MessageId</c> from the options (the id
/// duplicate detection compares), the event type as <c>Subject</c>, and for a delay a <c>ScheduledEnqueueTime</c>
/// until which Service Bus keeps the message from receivers.
/// </summary>
internal static class ServiceBusEventMessage
{
    public const string ContentType = "application/json";

    /// <summary>The longest <c>MessageId</c> Service Bus accepts.</summary>
    public const int MaxMessageIdLength = 128;

    /// <param name="envelope">The event the message carries.</param>
    /// <param name="options">The message id and the delay to publish with.</param>
    /// <param name="now">The current time, to which a positive delay is added.</param>
    /// <exception cref="EventPublishException">The message id is longer than Service Bus accepts (not transient).</exception>
    public static ServiceBusMessage Create(EventEnvelope envelope, PublishOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(options);
        if (options.MessageId.Length > MaxMessageIdLength)
            throw new EventPublishException(
                $"The message id for event {envelope.Id} has {options.MessageId.Length} characters; Service Bus accepts at most {MaxMessageIdLength}.", isTransient: false);

        var message = new ServiceBusMessage(EventEnvelopeJson.Serialize(envelope))
        {
            MessageId = options.MessageId,
            Subject = envelope.Type,
            ContentType = ContentType,
        };
        if (options.Delay > TimeSpan.Zero)
            message.ScheduledEnqueueTime = now + options.Delay;
        return message;
    }
}
