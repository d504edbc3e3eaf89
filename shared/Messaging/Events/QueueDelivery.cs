namespace CoworkSync.Messaging.Events;

/// <summary>One delivery of a queue message, as either trigger source (Service Bus or the local queue) hands it over.</summary>
/// <param name="Body">The message body bytes.</param>
/// <param name="MessageId">The broker's message id, if it has one.</param>
/// <param name="DeliveryCount">1 on first delivery; grows each time the broker redelivers the same message.</param>
public sealed record QueueDelivery(ReadOnlyMemory<byte> Body, string? MessageId, int DeliveryCount)
{
    /// <summary>The body as text for the record: UTF-8 if it is valid UTF-8, otherwise <c>base64:</c> and the bytes.</summary>
    public string BodyForRecord()
    {
        try
        {
            return new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Body.Span);
        }
        catch (System.Text.DecoderFallbackException)
        {
            return "base64:" + Convert.ToBase64String(Body.Span);
        }
    }
}
