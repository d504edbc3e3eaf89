using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CoworkSync.Messaging.Events;

namespace CoworkSync.Platforms.Cobot;

/// <summary>
/// A member's WiFi session started at a location: check them into Cobot for that local day. The event id holds the
/// connector, member and day, so however many sessions start that day, it is applied once.
/// </summary>
public sealed record CobotCheckInEvent(
    [property: JsonPropertyName("memberId")] string MemberId,
    [property: JsonPropertyName("day")] string Day,
    [property: JsonPropertyName("username")] string Username)
{
    public const string Type = "cobot.checkin";

    public static EventEnvelope Envelope(string connectorId, string memberId, string username, DateOnly day, DateTimeOffset now)
    {
        var dayText = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new EventEnvelope
        {
            Id = $"checkin-{connectorId}-{memberId}-{dayText}",
            Type = Type,
            ConnectorId = connectorId,
            OccurredAt = now,
            Payload = JsonSerializer.SerializeToElement(new CobotCheckInEvent(memberId, dayText, username)),
        };
    }
}
