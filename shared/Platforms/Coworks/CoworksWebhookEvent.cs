using CoworkSync.Connectors.Seam;
namespace CoworkSync.Platforms.Coworks;

/// <summary>
/// A validated Coworks webhook: the id, type, time and space are present, and so is a member with an id.
/// Status strings are checked when the member is mapped (<see cref="ToPlatformMember"/>).
/// </summary>
/// <param name="Id">The event id (<c>evt_…</c>), stable across Coworks' redeliveries: use it for deduplication.</param>
/// <param name="Type">The event type (<c>member.created</c>, …).</param>
/// <param name="CreatedAt">When Coworks created the event.</param>
/// <param name="SpaceId">The Coworks space the event belongs to; must match the connector's space.</param>
/// <param name="Member">The member the event is about, as the webhook carries it.</param>
/// <param name="Membership">Null when the member has no membership (allowed on member events).</param>
public sealed record CoworksWebhookEvent(
    string Id,
    CoworksEventType Type,
    DateTimeOffset CreatedAt,
    string SpaceId,
    CoworksMember Member,
    CoworksMembership? Membership)
{
    /// <summary>The wire name of <see cref="Type"/>, e.g. <c>member.updated</c>.</summary>
    public string TypeName => CoworksEventTypes.Name(Type);

    /// <exception cref="CoworksPayloadException">A status is not one Coworks documents, or <c>updated_at</c> is missing.</exception>
    public PlatformMember ToPlatformMember() => CoworksMapper.ToPlatformMember(Member, Membership);
}
