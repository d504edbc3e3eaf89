using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Simulators;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.Provisioning;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.IntegrationTests.Connectors.Cobot;

/// <summary>A space with thousands of members: within Cobot's limits, and a second sync that changes nothing writes nothing.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CobotSyncScaleTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const int Members = 3000;
    private readonly CobotWorld _world = new(azurite);

    public async Task InitializeAsync()
    {
        await _world.InitializeAsync();
        await _world.ConnectWithTokenAsync();
    }

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task FullSyncOf3000Members_StaysWithinTheLimits_AndTheSecondRunIsANoOp()
    {
        for (var i = 0; i < Members; i++)
            _world.Cobot.Put(CobotWorld.Member($"m{i:D4}", i % 3 == 0 ? "pln_team" : "pln_flex") with { UserId = i % 10 == 0 ? null : $"u{i}" });

        var first = await _world.SyncAsync(TimeSpan.FromMinutes(10));
        var afterFirst = _world.Cobot.Requests.Count;
        var (memberETags, accountETags) = await SnapshotAsync();
        var second = await _world.SyncAsync(TimeSpan.FromMinutes(10));

        Assert.Equal("succeeded", first.GetProperty("state").GetString());
        Assert.Equal(Members, first.GetProperty("counts").GetProperty("seen").GetInt32());
        Assert.Equal(Members, first.GetProperty("counts").GetProperty("created").GetInt32());

        Assert.Equal("succeeded", second.GetProperty("state").GetString());
        var counts = second.GetProperty("counts");
        Assert.Equal(Members, counts.GetProperty("seen").GetInt32());
        Assert.Equal(Members, counts.GetProperty("unchanged").GetInt32());
        foreach (var written in new[] { "created", "updated", "enabled", "disabled", "failed", "gone" })
            Assert.Equal(0, counts.GetProperty(written).GetInt32());
        Assert.Empty(second.GetProperty("notes").EnumerateArray());
        // No member row and no account was written.
        var (memberETagsAfter, accountETagsAfter) = await SnapshotAsync();
        Assert.Equal(Members, memberETags.Count);
        Assert.Equal(memberETags, memberETagsAfter);
        Assert.Equal(Members, accountETags.Count);
        Assert.Equal(accountETags, accountETagsAfter);
        // The second run only reads from Cobot.
        Assert.All(_world.Cobot.Requests.Skip(afterFirst), r => Assert.Equal("GET", r.Method));

        // Never throttled, and never more than Cobot allows in any minute.
        Assert.DoesNotContain(_world.Cobot.Requests, r => r.Status == 429);
        AssertWithin(_world.Cobot.Requests.Select(r => r.At).ToList(), CobotSimulator.RequestsPerMinute);
        AssertWithin(_world.Cobot.Requests.Where(r => r.Method == "GET" && r.PathAndQuery == "/api/memberships").Select(r => r.At).ToList(), CobotSimulator.MembershipListsPerMinute);
    }

    /// <summary>Every member row's ETag, and every account's.</summary>
    private async Task<(Dictionary<string, string> MemberETags, Dictionary<string, string> AccountETags)> SnapshotAsync()
    {
        var members = _world.App.Services.GetRequiredService<MemberStore>();
        var accounts = _world.App.Services.GetRequiredService<AccountStore>();
        var memberETags = new Dictionary<string, string>();
        var usernames = new List<string>();
        await foreach (var member in members.ListAsync(_world.ConnectorId, CancellationToken.None))
        {
            memberETags[member.Platform.MemberId] = member.ETag.ToString();
            if (member.Username is { } username)
                usernames.Add(username);
        }
        var etags = new Dictionary<string, string>();
        foreach (var chunk in usernames.Chunk(50))
        {
            var read = await Task.WhenAll(chunk.Select(u => accounts.GetAsync(u, CancellationToken.None)));
            foreach (var account in read)
                etags[account!.Username] = account.ETag.ToString();
        }
        return (memberETags, etags);
    }

    private static void AssertWithin(List<DateTimeOffset> times, int perMinute)
    {
        times.Sort();
        for (var i = perMinute; i < times.Count; i++)
            Assert.True(times[i] - times[i - perMinute] >= TimeSpan.FromMinutes(1), $"{perMinute + 1} requests within a minute");
    }
}
