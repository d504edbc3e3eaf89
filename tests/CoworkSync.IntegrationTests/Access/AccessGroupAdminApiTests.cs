using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CoworkSync.Access;
using CoworkSync.Administration.AccessGroups;
using CoworkSync.Administration.Audit;
using CoworkSync.Outcomes;
using CoworkSync.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.IntegrationTests.Access;

/// <summary>The operator's access-group API, and the cache RADIUS reads through, against real Table Storage.</summary>
public sealed class AccessGroupAdminApiTests(AccessGroupsAzurite azurite) : IClassFixture<AccessGroupsAzurite>, IDisposable
{
    private const string Url = "/api/admin/access-groups";
    private readonly LocalFunctionApp _app = new(azurite.ConnectionString);

    [Fact]
    public async Task List_WithNothingStored_ShowsTheFourDefaults()
    {
        var list = await _app.GetJsonAsync(Url);

        var items = list.GetProperty("items").EnumerateArray().Where(i => AccessGroupDefaults.IsDefault(i.GetProperty("id").GetString()!)).ToList();
        Assert.Equal(["dedicated", "flex", "fulltime", "trial"], items.Select(i => i.GetProperty("id").GetString()));
        Assert.All(items, i => Assert.Equal("default", i.GetProperty("source").GetString()));
        var flex = items.Single(i => i.GetProperty("id").GetString() == "flex");
        Assert.Equal(40, flex.GetProperty("hoursPerCycle").GetDouble());
        var monday = Assert.Single(flex.GetProperty("timeWindows").GetProperty("monday").EnumerateArray());
        Assert.Equal(("08:00", "20:00"), (monday.GetProperty("start").GetString(), monday.GetProperty("end").GetString()));
        Assert.False(flex.GetProperty("timeWindows").TryGetProperty("saturday", out _));
        Assert.Equal(10_000, flex.GetProperty("bandwidthDownKbps").GetInt32());
        var fullTime = items.Single(i => i.GetProperty("id").GetString() == "fulltime");
        Assert.Equal(JsonValueKind.Null, fullTime.GetProperty("timeWindows").ValueKind);
        Assert.Equal(JsonValueKind.Null, fullTime.GetProperty("hoursPerCycle").ValueKind);
        var trial = items.Single(i => i.GetProperty("id").GetString() == "trial");
        Assert.True(trial.GetProperty("capsOthers").GetBoolean());
        Assert.Equal(7200, trial.GetProperty("sessionTimeoutCapSeconds").GetInt32());
    }

    [Fact]
    public async Task PutThenGet_ANewGroup_Is201ThenReadBackAsStored_AndASecondPutIs200()
    {
        var id = NewId();
        var body = new
        {
            displayName = "Night owls",
            hoursPerCycle = 12.5,
            timeWindows = new Dictionary<string, object[]>
            {
                ["monday"] = [new { start = "18:00", end = "24:00" }],
                ["tuesday"] = [new { start = "00:00", end = "06:00" }, new { start = "20:00", end = "00:00" }],
                ["sunday"] = [],
            },
            sessionTimeoutCapSeconds = 3600,
            bandwidthDownKbps = 20_000,
            bandwidthUpKbps = 5_000,
            vlanId = 42,
            maxConcurrentSessions = 2,
            priority = 15,
            extraReplyAttributes = new Dictionary<string, string> { ["Idle-Timeout"] = "600" },
        };

        var created = await _app.Admin().PutAsJsonAsync($"{Url}/{id}", body);
        var read = await _app.GetJsonAsync($"{Url}/{id}");
        var again = await _app.Admin().PutAsJsonAsync($"{Url}/{id}", body with { displayName = "Night owls 2" });
        var list = await _app.GetJsonAsync(Url);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"{Url}/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal("stored", read.GetProperty("source").GetString());
        Assert.Equal("Night owls", read.GetProperty("displayName").GetString());
        Assert.Equal(12.5, read.GetProperty("hoursPerCycle").GetDouble());
        Assert.Equal("24:00", read.GetProperty("timeWindows").GetProperty("monday")[0].GetProperty("end").GetString());
        Assert.Equal("24:00", read.GetProperty("timeWindows").GetProperty("tuesday")[1].GetProperty("end").GetString());
        Assert.Equal(0, read.GetProperty("timeWindows").GetProperty("sunday").GetArrayLength());
        Assert.Equal(300, read.GetProperty("acctInterimIntervalSeconds").GetInt32());
        Assert.Equal(42, read.GetProperty("vlanId").GetInt32());
        Assert.False(read.GetProperty("capsOthers").GetBoolean());
        Assert.Equal("600", read.GetProperty("extraReplyAttributes").GetProperty("Idle-Timeout").GetString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("Night owls 2", list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == id).GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task Put_ADefaultGroup_Is200_AndReplacesItUntilItsRowIsDeleted()
    {
        try
        {
            var put = await _app.Admin().PutAsJsonAsync($"{Url}/flex", new { displayName = "Flex 60", hoursPerCycle = 60 });
            var read = await _app.GetJsonAsync($"{Url}/flex");

            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            Assert.Equal("stored", read.GetProperty("source").GetString());
            Assert.Equal(60, read.GetProperty("hoursPerCycle").GetDouble());
            Assert.Equal(JsonValueKind.Null, read.GetProperty("timeWindows").ValueKind);
        }
        finally
        {
            await azurite.ResetAsync("flex");
        }

        var reset = await _app.GetJsonAsync($"{Url}/flex");
        Assert.Equal("default", reset.GetProperty("source").GetString());
        Assert.Equal(40, reset.GetProperty("hoursPerCycle").GetDouble());
    }

    [Theory]
    [InlineData("""{"displayName":"X","timeWindows":{"monday":[{"start":"20:00","end":"08:00"}]}}""", "timeWindows.monday[0].end")]
    [InlineData("""{"displayName":"X","timeWindows":{"someday":[]}}""", "timeWindows.someday")]
    [InlineData("""{"displayName":"X","vlanId":5000}""", "vlanId")]
    [InlineData("""{"hoursPerCycle":5}""", "displayName")]
    [InlineData("""{"displayName":"X","hoursPerCycle":"many"}""", "hoursPerCycle")]
    [InlineData("""{"displayName":"X","extraReplyAttributes":{"Session-Timeout":"1"}}""", "extraReplyAttributes.Session-Timeout")]
    [InlineData("not json", "body")]
    [InlineData("[]", "body")]
    public async Task Put_InvalidInput_Is400WithTheFieldAndReason_AndStoresNothing(string json, string field)
    {
        var id = NewId();

        var response = await _app.Admin().PutAsync($"{Url}/{id}", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("reason").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Admin().GetAsync($"{Url}/{id}")).StatusCode);
    }

    [Fact]
    public async Task Put_InvalidGroupId_Is400ForGroupId()
    {
        var response = await _app.Admin().PutAsJsonAsync($"{Url}/Night_Owls", new { displayName = "X" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("groupId", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Get_UnknownGroup_Is404_AndNoKey_Is401()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Admin().GetAsync($"{Url}/{NewId()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.CreateClient().GetAsync(Url)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.CreateClient().PutAsJsonAsync($"{Url}/{NewId()}", new { displayName = "X" })).StatusCode);
    }

    [Fact]
    public async Task Put_ClearsTheCacheRadiusReads_SoTheChangeAppliesAtOnce()
    {
        var store = _app.Services.GetRequiredService<AccessGroupStore>();
        var id = NewId();
        var before = await store.GetAllAsync(CancellationToken.None);
        Assert.Same(before, await store.GetAllAsync(CancellationToken.None));
        Assert.False(before.ContainsKey(id));

        var put = await _app.Admin().PutAsJsonAsync($"{Url}/{id}", new { displayName = "Fresh", hoursPerCycle = 3, capsOthers = true });
        var after = await store.GetAllAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal(3, after[id].HoursPerCycle);
        Assert.True(after[id].CapsOthers);
        var resolved = await store.ResolveAsync(["fulltime", id, "no-such-group"], CancellationToken.None);
        Assert.Equal(["fulltime", id], resolved.Select(g => g.Id));
        Assert.Equal(3, AccessGroupMerger.Merge(resolved).HoursPerCycle);
    }

    [Fact]
    public async Task Create_ANewId_IsCreatedAndAudited_AStoredOrDefaultId_IsRefusedAtGroupIdAndUnchanged()
    {
        var groups = _app.Services.GetRequiredService<AccessGroupAdministration>();
        var actor = AuditActor.InConsole("Grace Hopper", "Operator");
        var id = NewId();

        var created = await groups.CreateAsync(id, new AccessGroupInput { DisplayName = "First" }, actor, CancellationToken.None);
        var again = await groups.CreateAsync(id, new AccessGroupInput { DisplayName = "Second" }, actor, CancellationToken.None);
        var flex = await groups.CreateAsync(AccessGroups.Flex, new AccessGroupInput { DisplayName = "Not the Flex" }, actor, CancellationToken.None);

        Assert.Equal(OutcomeStatus.Created, created.Status);
        Assert.Equal("groupId", Assert.Single(again.Errors).Field);
        Assert.Equal("groupId", Assert.Single(flex.Errors).Field);
        Assert.Equal("First", (await groups.GetAsync(id, CancellationToken.None)).Value!.DisplayName);
        Assert.Equal("default", (await groups.GetAsync(AccessGroups.Flex, CancellationToken.None)).Value!.Source);
    }

    public void Dispose() => _app.Dispose();

    private static string NewId() => "it-" + Guid.NewGuid().ToString("N")[..10];
}
