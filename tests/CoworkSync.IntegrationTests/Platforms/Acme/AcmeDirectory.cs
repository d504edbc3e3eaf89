using System.Collections.Concurrent;
using CoworkSync.Connectors.Seam;

namespace CoworkSync.IntegrationTests.Platforms.Acme;

/// <summary>
/// Acme's side of the world, in memory: its sites (a connector is for one), their plans and members. A test changes
/// it as Acme's operators would; CoworkSync reads it through the Acme platform, as it reads any platform's API.
/// </summary>
public sealed class AcmeDirectory
{
    private readonly ConcurrentDictionary<string, AcmeSite> _sites = new(StringComparer.Ordinal);

    public AcmeSite Site(string siteCode) => _sites.GetOrAdd(siteCode, code => new AcmeSite(code));

    public AcmeSite? Find(string siteCode) => _sites.GetValueOrDefault(siteCode);
}

/// <summary>One Acme site: its plans and members, changed only by the test.</summary>
public sealed class AcmeSite(string code)
{
    private readonly ConcurrentDictionary<string, AcmeMember> _members = new(StringComparer.Ordinal);

    public string Code { get; } = code;

    public IReadOnlyList<PlatformPlan> Plans { get; set; } = [new("acme-flex", "Flex"), new("acme-virtual", "Virtual")];

    public IReadOnlyList<AcmeMember> Members => [.. _members.Values.OrderBy(m => m.Id, StringComparer.Ordinal)];

    public AcmeMember? Member(string id) => _members.GetValueOrDefault(id);

    /// <summary>Adds or changes a member, with a new version.</summary>
    public AcmeMember Put(AcmeMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        _members[member.Id] = member;
        return member;
    }

    public void Remove(string id) => _members.TryRemove(id, out _);
}

/// <summary>An Acme member as Acme knows them.</summary>
/// <param name="Id">Acme's member id.</param>
/// <param name="Name">"First Last".</param>
/// <param name="Email">Email address.</param>
/// <param name="Active">Whether the membership is active (else: ended).</param>
/// <param name="PlanName">The plan's name.</param>
/// <param name="Badge">Acme's badge number, which the admin view shows.</param>
/// <param name="Version">When Acme last changed the member.</param>
public sealed record AcmeMember(string Id, string Name, string Email, bool Active, string PlanName, string Badge, DateTimeOffset Version)
{
    public PlatformMember ToPlatformMember(AcmeSite site)
    {
        var (first, last) = Name.Split(' ', 2) is [var f, var l] ? (f, l) : (Name, "");
        return new PlatformMember
        {
            MemberId = Id,
            FirstName = first,
            LastName = last,
            Email = Email,
            Status = MemberStatus.Active,
            MembershipStatus = Active ? MembershipStatus.Active : MembershipStatus.Ended,
            PlanId = site.Plans.FirstOrDefault(p => p.Name == PlanName)?.Id,
            PlanName = PlanName,
            UpdatedAt = Version,
        };
    }
}
