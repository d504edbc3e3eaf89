using System.Text.Json;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support;
using Xunit.Abstractions;

namespace CoworkSync.IntegrationTests.Reliability.Faults;

/// <summary>
/// Cobot in a storm: its membership list (a documented endpoint, broken with the simulator's <c>Break</c>) answers 500,
/// 503, a proxy's HTML page, truncated or invalid JSON. The sync in the storm ends succeeded or
/// failed with a reason, nobody loses access or is marked gone, and once the storm passes the next sync succeeds. Cobot's
/// own limits (60 requests a minute, 6 membership lists a minute) are never exceeded: the simulator answers 429 when
/// they are, and it answered none.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Reliability")]
public sealed class CobotStormTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string[] Members = ["m-storm-1", "m-storm-2", "m-storm-3"];
    private readonly CobotWorld _world = new(azurite);

    public async Task InitializeAsync()
    {
        await _world.InitializeAsync();
        await _world.ConnectWithTokenAsync();
        foreach (var id in Members)
            _world.Cobot.Put(CobotWorld.Member(id));
    }

    public Task DisposeAsync() => _world.DisposeAsync();

    [Theory]
    [InlineData("500")]
    [InlineData("503")]
    [InlineData("a proxy's HTML page")]
    [InlineData("truncated JSON")]
    [InlineData("invalid JSON")]
    public async Task ASyncInTheStorm_EndsWithAReason_DeprovisionsNobody_AndStaysWithinCobotsLimits(string storm)
    {
        Assert.Equal("succeeded", (await _world.SyncAsync()).GetProperty("state").GetString());
        await AssertEveryoneHasAccessAsync("after the first sync");

        var (status, body) = storm switch
        {
            "500" => (500, """{"error":"internal server error"}"""),
            "503" => (503, null),
            "a proxy's HTML page" => (502, "<html><body>502 Bad Gateway</body></html>"),
            "truncated JSON" => (200, """[{"id":"m-storm-1","name":"Member m-storm-1","email":"""),
            _ => (200, "not json at all"),
        };
        _world.Cobot.Break("GET", "/api/memberships", status, body);
        var run = await _world.SyncAsync();
        var state = run.GetProperty("state").GetString();
        output.WriteLine($"{storm}: {state}; errors {run.GetProperty("errors")}");
        Assert.True(state == "succeeded" || run.GetProperty("errors").GetArrayLength() > 0, $"{storm}: the run failed without a reason");
        Assert.Equal("failed", state);
        await AssertEveryoneHasAccessAsync($"after the sync in the storm '{storm}'");

        _world.Cobot.Heal();
        Assert.Equal("succeeded", (await _world.SyncAsync()).GetProperty("state").GetString());
        await AssertEveryoneHasAccessAsync($"after the storm '{storm}' passed");
        Assert.DoesNotContain(_world.Cobot.Requests, r => r.Status == 429);
    }

    private async Task AssertEveryoneHasAccessAsync(string when)
    {
        foreach (var id in Members)
        {
            var member = await _world.WaitForMemberAsync(id, m => m.GetProperty("account").ValueKind == JsonValueKind.Object, $"{id}'s account");
            Assert.False(member.GetProperty("gone").GetBoolean(), $"{id} was marked gone {when}");
            Assert.True(member.GetProperty("account").GetProperty("enabled").GetBoolean(), $"{id} lost access {when}");
        }
    }
}
