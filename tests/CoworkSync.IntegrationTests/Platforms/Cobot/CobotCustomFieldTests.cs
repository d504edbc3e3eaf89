using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support;

namespace CoworkSync.IntegrationTests.Platforms.Cobot;

/// <summary>The custom-field option: the field is created without losing others, and its group ids add groups.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CobotCustomFieldTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly CobotWorld _world = new(azurite);

    public async Task InitializeAsync()
    {
        await _world.InitializeAsync();
        await _world.CreateConnectorAsync(customFieldGroups: true);
        await _world.ConnectWithTokenAsync();
    }

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Sync_CreatesTheField_KeepsTheOthers_AndAddsTheGroupsItNames_ReportingUnknownOnes()
    {
        _world.Cobot.Put(CobotWorld.Member("m-phone") with { Fields = new Dictionary<string, string> { ["fld_phone"] = "+49 30 1234" } });
        _world.Cobot.Put(CobotWorld.Member("m-extra"));

        var first = await _world.SyncAsync();

        Assert.Equal(["Phone", "WiFi groups"], _world.Cobot.Fields.Select(f => f.Label));
        Assert.Equal("+49 30 1234", _world.Cobot.Membership("m-phone").Fields["fld_phone"]);
        Assert.Contains(first.GetProperty("notes").EnumerateArray(), n => n.GetString() == "created custom field 'WiFi groups'");

        var field = _world.Cobot.Fields.Single(f => f.Label == "WiFi groups").Id;
        _world.Cobot.Update("m-extra", m => m with { Fields = new Dictionary<string, string> { [field] = "fulltime, ghosts" } });
        var second = await _world.SyncAsync();

        var member = await _world.WaitForMemberAsync("m-extra", m => m.GetProperty("account").GetProperty("groups").GetArrayLength() == 2, "the extra group");
        Assert.Equal(["flex", "fulltime"], member.GetProperty("account").GetProperty("groups").EnumerateArray().Select(g => g.GetString()).Order());
        var notes = second.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToList();
        Assert.Contains(notes, n => n.Contains("m-extra", StringComparison.Ordinal) && n.Contains("ghosts", StringComparison.Ordinal));
        Assert.Equal(1, _world.Cobot.CountRequests(r => r.Method == "PUT"));
        Assert.Equal(2, _world.Cobot.Fields.Count);
        Assert.Equal("+49 30 1234", _world.Cobot.Membership("m-phone").Fields["fld_phone"]);
    }
}
