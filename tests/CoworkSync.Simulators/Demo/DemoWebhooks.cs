using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CoworkSync.Platforms.Coworks;
using CoworkSync.Simulators.Coworks;

namespace CoworkSync.Simulators.Demo;

/// <summary>
/// The webhook the demo space sends for a member's current state. Its event id is derived from that state, so a
/// second run sends the same id and CoworkSync answers 200 (already accepted) instead of applying it again, while a
/// changed member gets a new id. <c>created_at</c> is the member's <c>updated_at</c>, so the version CoworkSync
/// records equals the one a sync reads from the API.
/// </summary>
public static class DemoWebhooks
{
    public static CoworksWebhookRequest For(SimulatedMember member, string webhookSecret, DateTimeOffset signedAt)
    {
        ArgumentNullException.ThrowIfNull(member);
        var type = member.Status == "suspended" ? CoworksEventTypes.MemberUpdated : CoworksEventTypes.MemberCreated;
        return CoworksWebhooks.Build(DemoCast.SpaceId, type, member, webhookSecret, signedAt, EventId(type, member), createdAt: member.UpdatedAt);
    }

    /// <summary>e.g. <c>evt_demo_mem_demo_01_3f2a…</c>: the member id and a hash of the event type and the member's state.</summary>
    public static string EventId(string type, SimulatedMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var state = JsonSerializer.Serialize(new object?[] { type, CoworksSimulatorJson.Member(member, withMembership: true) });
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(state)))[..12];
        return $"evt_demo_{member.Id}_{hash}";
    }
}
