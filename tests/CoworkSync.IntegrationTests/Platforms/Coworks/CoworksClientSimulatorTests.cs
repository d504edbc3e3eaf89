using CoworkSync.Connectors.Seam;
using CoworkSync.Platforms.Coworks;
using CoworkSync.Simulators.Coworks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.IntegrationTests.Platforms.Coworks;

/// <summary>The registered Coworks client (resilience pipeline included) against the simulator over a real socket.</summary>
public sealed class CoworksClientSimulatorTests : IAsyncLifetime
{
    private const string SpaceId = "spc_123";
    private const string ApiKey = "cw_live_integration_SECRET";
    private CoworksSimulator _simulator = null!;
    private ServiceProvider _services = null!;

    private ICoworksClient Client => _services.GetRequiredService<ICoworksClient>();

    private CoworksConnection Connection => new(_simulator.BaseUrl, SpaceId, ApiKey);

    public async Task InitializeAsync()
    {
        _simulator = await CoworksSimulator.StartAsync();
        _simulator.AddSpace(SpaceId, ApiKey).AddPlan("pln_flex", "Flex").AddPlan("pln_ft", "Full-time");

        var settings = new Dictionary<string, string?>
        {
            // Short backoff for 500s; Retry-After of 1 s stays under the max, so it is honoured as sent.
            ["Coworks:RetryBaseDelay"] = "00:00:00.010",
            ["Coworks:MaxRetryDelay"] = "00:00:02",
        };
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddCoworksClient();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    private static IEnumerable<SimulatedMember> Members(int count) =>
        Enumerable.Range(1, count).Select(i => SimulatedMember.Active($"mem_{i:D4}"));

    private static async Task<List<PlatformMember>> ToListAsync(IAsyncEnumerable<PlatformMember> members)
    {
        var list = new List<PlatformMember>();
        await foreach (var member in members)
            list.Add(member);
        return list;
    }

    [Fact]
    public async Task ListMembersAsync_250Members_ReadsThreePagesAndEveryMember()
    {
        _simulator.Space(SpaceId).AddMembers(Members(250));

        var members = await ToListAsync(Client.ListMembersAsync(Connection, CancellationToken.None));

        Assert.Equal(250, members.Count);
        Assert.Equal(250, members.Select(m => m.MemberId).Distinct().Count());
        Assert.All(members, m => Assert.Equal(MembershipStatus.Active, m.MembershipStatus));
        Assert.Equal(["page=1", "page=2", "page=3"],
            _simulator.Requests.Select(r => r.PathAndQuery.Split('?')[1].Split('&')[0]));
        Assert.All(_simulator.Requests, r => Assert.Equal(200, r.Status));
    }

    [Fact]
    public async Task ListMembersAsync_TwoThrottlesWithRetryAfterAndAServerError_LosesNothing()
    {
        _simulator.Space(SpaceId).AddMembers(Members(250));
        _simulator.ThrottleNext(2, retryAfter: "1");
        _simulator.FailNext(1);

        var members = await ToListAsync(Client.ListMembersAsync(Connection, CancellationToken.None));

        Assert.Equal(250, members.Select(m => m.MemberId).Distinct().Count());
        var requests = _simulator.Requests;
        Assert.Equal([429, 429, 500, 200, 200, 200], requests.Select(r => r.Status));
        // Lower bounds only: each 429 asked for a second, and the client waited at least that long before the next try.
        Assert.True(requests[1].ElapsedSinceStart - requests[0].ElapsedSinceStart >= TimeSpan.FromMilliseconds(950), "The first Retry-After was not honoured.");
        Assert.True(requests[2].ElapsedSinceStart - requests[1].ElapsedSinceStart >= TimeSpan.FromMilliseconds(950), "The second Retry-After was not honoured.");
    }

    [Fact]
    public async Task ListMembersAsync_WrongKey_ThrowsNotTransient401WithoutTheKey()
    {
        const string wrongKey = "cw_live_WRONG_key";
        var connection = Connection with { ApiKey = wrongKey };

        var ex = await Assert.ThrowsAsync<CoworksApiException>(() => ToListAsync(Client.ListMembersAsync(connection, CancellationToken.None)));

        Assert.Equal(401, ex.StatusCode);
        Assert.False(ex.IsTransient);
        Assert.DoesNotContain(wrongKey, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, ex.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, _simulator.RequestCount);
    }

    [Fact]
    public async Task GetMemberAsync_ChangedThenRemoved_ReadsTheChangeThenNull()
    {
        var space = _simulator.Space(SpaceId).AddMembers(SimulatedMember.Active("mem_42"));
        var before = await Client.GetMemberAsync(Connection, "mem_42", CancellationToken.None);
        space.UpdateMember("mem_42", m => m with { Status = "suspended", Membership = m.Membership! with { Status = "ended" } });

        var after = await Client.GetMemberAsync(Connection, "mem_42", CancellationToken.None);
        space.RemoveMember("mem_42");
        var gone = await Client.GetMemberAsync(Connection, "mem_42", CancellationToken.None);

        Assert.NotNull(before);
        Assert.NotNull(after);
        Assert.Equal(MemberStatus.Suspended, after.Status);
        Assert.Equal(MembershipStatus.Ended, after.MembershipStatus);
        Assert.True(after.UpdatedAt > before.UpdatedAt);
        Assert.Null(gone);
    }

    [Fact]
    public async Task ListPlansAsync_SpaceWithPlans_ReturnsThem()
    {
        var plans = await Client.ListPlansAsync(Connection, CancellationToken.None);

        Assert.Equal([new PlatformPlan("pln_flex", "Flex"), new PlatformPlan("pln_ft", "Full-time")], plans);
    }

    [Fact]
    public async Task CheckAsync_RightKeyWrongKeyUnknownSpace_ReportsEach()
    {
        var ok = await Client.CheckAsync(Connection, CancellationToken.None);
        var rejected = await Client.CheckAsync(Connection with { ApiKey = "nope" }, CancellationToken.None);
        var unknown = await Client.CheckAsync(Connection with { SpaceId = "spc_unknown" }, CancellationToken.None);

        Assert.Equal(CoworksCheckOutcome.Ok, ok.Outcome);
        Assert.Equal(CoworksCheckOutcome.CredentialsRejected, rejected.Outcome);
        Assert.Equal(CoworksCheckOutcome.SpaceNotFound, unknown.Outcome);
    }

    [Fact]
    public async Task Simulator_TwoSpaces_KeepMembersAndKeysApart()
    {
        _simulator.AddSpace("spc_other", "other_key").AddMembers(SimulatedMember.Active("mem_other"));
        _simulator.Space(SpaceId).AddMembers(SimulatedMember.Active("mem_here"));

        var here = await ToListAsync(Client.ListMembersAsync(Connection, CancellationToken.None));
        var other = await ToListAsync(Client.ListMembersAsync(new CoworksConnection(_simulator.BaseUrl, "spc_other", "other_key"), CancellationToken.None));
        var crossed = await Client.CheckAsync(new CoworksConnection(_simulator.BaseUrl, "spc_other", ApiKey), CancellationToken.None);

        Assert.Equal(["mem_here"], here.Select(m => m.MemberId));
        Assert.Equal(["mem_other"], other.Select(m => m.MemberId));
        Assert.Equal(CoworksCheckOutcome.CredentialsRejected, crossed.Outcome);
    }

    [Fact]
    public void Webhooks_Build_ProducesABodyTheParserAcceptsAndASignatureThatVerifies()
    {
        var member = SimulatedMember.Active("mem_42") with { UpdatedAt = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero) };

        var webhook = CoworksWebhooks.Build(SpaceId, CoworksEventTypes.MembershipActivated, member, "whsec_1");

        Assert.Equal(CoworksSignatureResult.Valid,
            CoworksSignature.Verify(webhook.Body, webhook.SignatureHeader, ["whsec_1"], DateTimeOffset.UtcNow, CoworksSignature.DefaultTolerance));
        var parsed = CoworksWebhookParser.Parse(webhook.Body);
        Assert.Equal(webhook.EventId, parsed.Id);
        Assert.Equal(SpaceId, parsed.SpaceId);
        var mapped = parsed.ToPlatformMember();
        Assert.Equal("mem_42", mapped.MemberId);
        Assert.Equal(MembershipStatus.Active, mapped.MembershipStatus);
        Assert.Equal("pln_flex", mapped.PlanId);
        Assert.Equal(member.UpdatedAt, mapped.UpdatedAt);
        using var request = webhook.ToRequest("conn/1");
        Assert.Equal("/api/webhooks/coworks/conn%2F1", request.RequestUri!.OriginalString);
        Assert.Equal(webhook.SignatureHeader, request.Headers.GetValues(CoworksSignature.HeaderName).Single());
    }
}
