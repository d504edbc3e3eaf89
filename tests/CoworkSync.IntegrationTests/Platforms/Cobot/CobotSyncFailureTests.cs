using System.Text.Json;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support;

namespace CoworkSync.IntegrationTests.Platforms.Cobot;

/// <summary>What Cobot refuses around a sync is reported in the run; it does not stop members being reconciled.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CobotSyncFailureTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly CobotWorld _world = new(azurite);

    public async Task InitializeAsync()
    {
        await _world.InitializeAsync();
        await _world.ConnectWithTokenAsync();
        _world.Cobot.Put(CobotWorld.Member("m-good"));
        _world.Cobot.Put(CobotWorld.Member("m-bad"));
        _world.Cobot.Put(CobotWorld.Member("m-left"));
        await _world.SyncAsync();
        await _world.WaitForMemberAsync("m-left", m => m.GetProperty("account").ValueKind == JsonValueKind.Object, "the accounts");
    }

    public Task DisposeAsync() => _world.DisposeAsync();

    [Theory]
    [InlineData("a 422 adding the field")]
    [InlineData("a field without an id")]
    public async Task RefusedHousekeeping_AndOneUnreadableMembership_AreErrorsOfTheRun_WhichStillDeprovisionsWhoLeft(string customFieldFailure)
    {
        await _world.CreateConnectorAsync(customFieldGroups: true);
        _world.Cobot.Break("GET", "/api/subscriptions", 403, """{"error":"missing scope read_subscriptions"}""");
        if (customFieldFailure == "a 422 adding the field")
            _world.Cobot.Break("PUT", "/api/space/custom_fields", 422, """{"errors":{"base":["invalid"]}}""");
        else
            _world.Cobot.Break("GET", "/api/space/custom_fields", 200, """[{"id":"fld_phone","label":"Phone"},{"label":"Parking"}]""");
        _world.Cobot.Update("m-bad", m => m with { Raw = new Dictionary<string, string?> { ["starts_at"] = "someday" } });
        _world.Cobot.Delete("m-left");

        var run = await _world.SyncAsync();

        Assert.Equal("succeeded", run.GetProperty("state").GetString());
        var errors = run.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(errors, e => e.StartsWith("webhook subscriptions not checked", StringComparison.Ordinal) && e.Contains("403", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("custom field 'WiFi groups' not checked", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("member m-bad:", StringComparison.Ordinal) && e.Contains("starts_at", StringComparison.Ordinal));
        var counts = run.GetProperty("counts");
        Assert.Equal(2, counts.GetProperty("seen").GetInt32());
        Assert.Equal(1, counts.GetProperty("failed").GetInt32());
        Assert.Equal(1, counts.GetProperty("gone").GetInt32());

        var left = await _world.WaitForMemberAsync("m-left", m => m.GetProperty("gone").GetBoolean(), "the member who left, gone");
        Assert.False(left.GetProperty("account").GetProperty("enabled").GetBoolean());
        var bad = await _world.WaitForMemberAsync("m-bad", m => true, "the unreadable member");
        Assert.False(bad.GetProperty("gone").GetBoolean());
        Assert.True(bad.GetProperty("account").GetProperty("enabled").GetBoolean());
        Assert.Equal("connected", (await _world.ConnectorAsync()).GetProperty("cobot").GetProperty("connection").GetProperty("state").GetString());
        Assert.DoesNotContain(_world.Cobot.Requests, r => r.Method == "PUT" && r.Status is >= 200 and < 300);
    }
}
