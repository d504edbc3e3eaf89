using System.Text;
using System.Text.Json;
using CoworkSync.Messaging.Events;

namespace CoworkSync.UnitTests.Messaging.Events;

public sealed class EventEnvelopeJsonTests
{
    [Fact]
    public void Serialize_ThenDeserialize_KeepsEveryField()
    {
        var envelope = new EventEnvelope
        {
            Id = "evt_1",
            Type = "coworks.webhook",
            ConnectorId = "berlin",
            OccurredAt = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero),
            Attempt = 3,
            Payload = JsonDocument.Parse("""{"member":{"id":"mem_42"}}""").RootElement,
        };

        var json = EventEnvelopeJson.Serialize(envelope);
        var back = EventEnvelopeJson.Deserialize(json);

        Assert.Equal(envelope.Id, back.Id);
        Assert.Equal(envelope.Type, back.Type);
        Assert.Equal(envelope.ConnectorId, back.ConnectorId);
        Assert.Equal(envelope.OccurredAt, back.OccurredAt);
        Assert.Equal(3, back.Attempt);
        Assert.Equal("mem_42", back.Payload.GetProperty("member").GetProperty("id").GetString());
        Assert.Contains("\"connectorId\":\"berlin\"", Encoding.UTF8.GetString(json));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("""{"type":"t","connectorId":"c","occurredAt":"2026-11-23T08:00:00Z"}""")]
    [InlineData("""{"id":"","type":"t","connectorId":"c","occurredAt":"2026-11-23T08:00:00Z"}""")]
    [InlineData("""{"id":"e","type":"t","connectorId":"c","occurredAt":"2026-11-23T08:00:00Z","attempt":0}""")]
    public void Deserialize_IncompleteOrInvalid_ThrowsMalformedEnvelope(string json) =>
        Assert.Throws<MalformedEnvelopeException>(() => EventEnvelopeJson.Deserialize(Encoding.UTF8.GetBytes(json)));
}
