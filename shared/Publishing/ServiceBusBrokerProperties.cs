using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CoworkSync.Events;

namespace CoworkSync.Publishing;

/// <summary>
/// The <c>BrokerProperties</c> header of a Service Bus REST send: a JSON object of broker properties.
/// Times are RFC 1123 (<c>Sun, 06 Nov 1994 08:49:37 GMT</c>), as in the REST reference's examples.
/// </summary>
internal static class ServiceBusBrokerProperties
{
    public const string HeaderName = "BrokerProperties";

    /// <param name="options">Message id, and the delay that becomes <c>ScheduledEnqueueTimeUtc</c> when positive.</param>
    /// <param name="label">The message's label (subject): the event type.</param>
    /// <param name="now">The current time, to which the delay is added.</param>
    public static string Create(PublishOptions options, string label, DateTimeOffset now) =>
        JsonSerializer.Serialize(new Properties(
            options.MessageId,
            label,
            options.Delay > TimeSpan.Zero ? (now + options.Delay).ToString("R", CultureInfo.InvariantCulture) : null));

    private sealed record Properties(
        [property: JsonPropertyName("MessageId")] string MessageId,
        [property: JsonPropertyName("Label")] string Label,
        [property: JsonPropertyName("ScheduledEnqueueTimeUtc"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ScheduledEnqueueTimeUtc);
}
