using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Simulators;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.Members.Accounts;
using CoworkSync.Members.Records;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.IntegrationTests.Platforms.Cobot;

/// <summary>
/// A space with thousands of members, custom-field groups on: within Cobot's limits (custom fields read in bulk, not
/// per member), and a second sync that changes nothing writes nothing. A burst the limiter has to spread out is
/// <see cref="CobotWebhookBurstTests"/>: a sync is a handful of requests whatever the size of the space.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CobotSyncScaleTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const int Members = 3000;
    private readonly CobotWorld _world = new(azurite);

    public async Task InitializeAsync()
    {
        await _world.InitializeAsync();
        await _world.CreateConnectorAsync(customFieldGroups: true);
        _world.Cobot.AddField(WifiGroupsField, "WiFi groups");
        await _world.ConnectWithTokenAsync();
    }

    private const string WifiGroupsField = "fld_wifi";

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task FullSyncOf3000Members_StaysWithinTheLimits_AndTheSecondRunIsANoOp()
    {
        for (var i = 0; i < Members; i++)
        {
            _world.Cobot.Put(CobotWorld.Member($"m{i:D4}", i % 3 == 0 ? "pln_team" : "pln_flex") with
            {
                UserId = i % 10 == 0 ? null : $"u{i}",
                Fields = i % 5 == 0 ? new Dictionary<string, string> { [WifiGroupsField] = "fulltime" } : new Dictionary<string, string>(),
            });
        }

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
        // Custom-field groups came from one bulk read per run, none per member.
        Assert.Equal(2, _world.Cobot.CountRequests(r => r.PathAndQuery == "/api/custom_fields"));
        Assert.Equal(0, _world.Cobot.CountRequests(r => r.PathAndQuery.EndsWith("/custom_fields", StringComparison.Ordinal) && r.PathAndQuery.StartsWith("/api/memberships/", StringComparison.Ordinal)));
        Assert.Equal(["flex", "fulltime"], await GroupsAsync("m0005"));
        Assert.Equal(["flex"], await GroupsAsync("m0001"));
        Assert.Equal(["dedicated", "flex", "fulltime"], await GroupsAsync("m0015"));

        // Never throttled, and never more than Cobot allows in any minute.
        Assert.DoesNotContain(_world.Cobot.Requests, r => r.Status == 429);
        AssertWithin(_world.Cobot.Requests.Select(r => r.At).ToList(), CobotSimulator.RequestsPerMinute);
        AssertWithin(_world.Cobot.Requests.Where(r => r.Method == "GET" && r.PathAndQuery == "/api/memberships").Select(r => r.At).ToList(), CobotSimulator.MembershipListsPerMinute);
    }

    private async Task<IReadOnlyList<string?>> GroupsAsync(string memberId) =>
        [.. (await _world.App.GetJsonAsync($"/api/admin/connectors/{_world.ConnectorId}/members/{memberId}"))
            .GetProperty("account").GetProperty("groups").EnumerateArray().Select(g => g.GetString()).Order()];

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
