using CoworkSync.Connectors.Seam;

namespace CoworkSync.Platforms.Coworks;

/// <summary>
/// The Coworks API for one space at a time. Transient failures are retried inside (with the delays
/// <see cref="CoworksClientOptions"/> sets); what still fails becomes a <see cref="CoworksApiException"/>, and
/// answers that are not the documented format a <see cref="CoworksPayloadException"/>.
/// </summary>
public interface ICoworksClient
{
    /// <summary>Every member of the space, page by page (100 a page) until the last page Coworks reports.</summary>
    IAsyncEnumerable<PlatformMember> ListMembersAsync(CoworksConnection connection, CancellationToken cancellationToken);

    /// <summary>One member as Coworks knows them now; null when Coworks answers 404 (the member is gone).</summary>
    Task<PlatformMember?> GetMemberAsync(CoworksConnection connection, string memberId, CancellationToken cancellationToken);

    /// <summary>The space's plans, for mapping plans to access groups.</summary>
    Task<IReadOnlyList<PlatformPlan>> ListPlansAsync(CoworksConnection connection, CancellationToken cancellationToken);

    /// <summary>The operator's connector test: is the API reachable, and does it accept the key for this space? Never throws for an API failure.</summary>
    Task<CoworksCheck> CheckAsync(CoworksConnection connection, CancellationToken cancellationToken);
}
