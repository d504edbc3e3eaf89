namespace CoworkSync.Platforms.Coworks;

/// <summary>
/// Reads a Coworks webhook body into a <see cref="CoworksWebhookEvent"/>. Call it only after
/// <see cref="CoworksSignature.Verify"/> has accepted the same bytes.
/// </summary>
public static class CoworksWebhookParser
{
    /// <exception cref="CoworksPayloadException">
    /// The body is not JSON, lacks <c>id</c>, <c>type</c>, <c>created_at</c>, <c>space_id</c>, <c>data.member</c> or
    /// <c>data.member.id</c>, has a type Coworks does not document, or has a date that is not ISO 8601.
    /// </exception>
    public static CoworksWebhookEvent Parse(ReadOnlySpan<byte> utf8Json)
    {
        var payload = CoworksJson.Deserialize(utf8Json, CoworksJsonContext.Default.CoworksWebhookPayload, "The Coworks webhook body")
            ?? throw new CoworksPayloadException("The Coworks webhook body is JSON null, not an event object.");

        var id = Required(payload.Id, "id");
        var typeName = Required(payload.Type, "type");
        if (!CoworksEventTypes.TryParse(typeName, out var type))
            throw new CoworksPayloadException(
                $"The Coworks webhook {id} has the unknown type '{CoworksText.Excerpt(typeName)}'; expected {CoworksEventTypes.MemberCreated}, " +
                $"{CoworksEventTypes.MemberUpdated}, {CoworksEventTypes.MembershipActivated} or {CoworksEventTypes.MembershipEnded}.");
        var createdAt = payload.CreatedAt ?? throw Missing(id, "created_at");
        var spaceId = Required(payload.SpaceId, "space_id", id);
        var data = payload.Data ?? throw Missing(id, "data");
        var member = data.Member ?? throw Missing(id, "data.member");
        Required(member.Id, "data.member.id", id);

        return new CoworksWebhookEvent(id, type, createdAt, spaceId, member, data.Membership);
    }

    private static string Required(string? value, string field, string? eventId = null) =>
        string.IsNullOrWhiteSpace(value) ? throw Missing(eventId, field) : value;

    private static CoworksPayloadException Missing(string? eventId, string field) => new(eventId is null
        ? $"The Coworks webhook body has no {field}."
        : $"The Coworks webhook {eventId} has no {field}.");
}
