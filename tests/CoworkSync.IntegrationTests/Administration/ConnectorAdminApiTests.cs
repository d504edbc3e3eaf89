using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.Platforms.Coworks;
using CoworkSync.Simulators.Coworks;

namespace CoworkSync.IntegrationTests.Administration;

/// <summary>The operator's connector API against real Table Storage and the Coworks simulator.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ConnectorAdminApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly CoworksWorld _world = new(azurite);

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task GetConnector_ShowsItsConfiguration_AndWhichSecretsAreSet_NeverTheirValues()
    {
        var response = await _world.App.Admin().GetAsync($"/api/admin/connectors/{_world.ConnectorId}");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(text);
        Assert.Equal("coworks", body.RootElement.GetProperty("platform").GetString());
        Assert.Equal("set", body.RootElement.GetProperty("secrets").GetProperty("apiKey").GetString());
        Assert.Equal("set", body.RootElement.GetProperty("secrets").GetProperty("webhookSecret").GetString());
        Assert.DoesNotContain(CoworksWorld.ApiKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(CoworksWorld.WebhookSecret, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutConnector_InvalidInput_Is400WithTheFieldAndTheReason()
    {
        var response = await _world.App.Admin().PutAsJsonAsync($"/api/admin/connectors/{_world.ConnectorId}", new
        {
            platform = "coworks",
            displayName = "Berlin",
            locations = new[] { new { id = "loc_1", name = "Mitte", timeZone = "Berlin/Nowhere" } },
            coworks = new { apiBaseUrl = "https://api.example", spaceId = "spc_1" },
        });
        var badId = await _world.App.Admin().PutAsJsonAsync("/api/admin/connectors/Not_A_Slug", new { });
        var badJson = await _world.App.Admin().PutAsync($"/api/admin/connectors/{_world.ConnectorId}", new StringContent("{\"platform\":", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("locations[0].timeZone", problem.GetProperty("field").GetString());
        Assert.Contains("IANA", problem.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
        Assert.Equal("connectorId", (await badId.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
    }

    [Fact]
    public async Task PutConnector_WithIfNoneMatchStar_CreatesANewOne_ButAnExistingOneIs412AndUnchanged()
    {
        var newId = "new-" + Guid.NewGuid().ToString("N")[..8];
        var before = await _world.App.Admin().GetStringAsync($"/api/admin/connectors/{_world.ConnectorId}");

        var created = await CreateOnlyAsync(newId, "Created once");
        var again = await CreateOnlyAsync(newId, "Created twice");
        var existing = await CreateOnlyAsync(_world.ConnectorId, "Not Berlin");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, again.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, existing.StatusCode);
        Assert.Equal("application/problem+json", existing.Content.Headers.ContentType?.MediaType);
        var problem = await existing.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(412, problem.GetProperty("status").GetInt32());
        Assert.Equal($"Connector id '{_world.ConnectorId}' is taken by an existing connector: edit that one, or choose another id. If-None-Match: * creates only; send the PUT without it to replace the connector.",
            problem.GetProperty("detail").GetString());
        Assert.Equal("Created once", (await _world.App.Admin().GetFromJsonAsync<JsonElement>($"/api/admin/connectors/{newId}")).GetProperty("displayName").GetString());
        Assert.Equal(before, await _world.App.Admin().GetStringAsync($"/api/admin/connectors/{_world.ConnectorId}"));
    }

    [Fact]
    public async Task PutConnector_WithoutIfNoneMatch_StillReplacesAnExistingOne()
    {
        var id = "upsert-" + Guid.NewGuid().ToString("N")[..8];

        var first = await _world.App.Admin().PutAsJsonAsync($"/api/admin/connectors/{id}", Body("First"));
        var second = await _world.App.Admin().PutAsJsonAsync($"/api/admin/connectors/{id}", Body("Second"));

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal("Second", (await _world.App.Admin().GetFromJsonAsync<JsonElement>($"/api/admin/connectors/{id}")).GetProperty("displayName").GetString());
    }

    private async Task<HttpResponseMessage> CreateOnlyAsync(string id, string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/admin/connectors/{id}") { Content = JsonContent.Create(Body(name)) };
        request.Headers.TryAddWithoutValidation("If-None-Match", "*");
        return await _world.App.Admin().SendAsync(request);
    }

    private static object Body(string name) => new
    {
        platform = "coworks",
        displayName = name,
        locations = new[] { new { id = "loc_1", name = "Mitte", timeZone = "Europe/Berlin" } },
        coworks = new { apiBaseUrl = "https://api.example", spaceId = "spc_1" },
    };

    [Fact]
    public async Task TestConnector_ReportsTheApi_TheSecret_UnmappedPlansAndUnknownLocations()
    {
        _world.Space.AddPlan("pln_night", "Night Owl");
        _world.Space.AddMembers(SimulatedMember.Active("mem_far") with { LocationId = "loc_elsewhere" });

        var report = await (await _world.App.Admin().PostAsync($"/api/admin/connectors/{_world.ConnectorId}/test", null)).Content.ReadFromJsonAsync<JsonElement>();

        var checks = report.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.False(report.GetProperty("ok").GetBoolean());
        Assert.True(checks["api"].GetProperty("ok").GetBoolean());
        Assert.True(checks["webhookSecret"].GetProperty("ok").GetBoolean());
        Assert.False(checks["plans"].GetProperty("ok").GetBoolean());
        Assert.Equal("pln_night", Assert.Single(checks["plans"].GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal("loc_elsewhere", Assert.Single(checks["locations"].GetProperty("items").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task TestConnector_WrongApiKey_FailsTheApiCheck()
    {
        _world.Space.ApiKey = "rotated-at-coworks";

        var report = await (await _world.App.Admin().PostAsync($"/api/admin/connectors/{_world.ConnectorId}/test", null)).Content.ReadFromJsonAsync<JsonElement>();

        var api = report.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "api");
        Assert.False(api.GetProperty("ok").GetBoolean());
        Assert.DoesNotContain(CoworksWorld.ApiKey, report.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RotatedWebhookSecret_ThePreviousOneStillSigns_DuringTheGracePeriod()
    {
        var rotate = await _world.App.Admin().PutAsJsonAsync($"/api/admin/connectors/{_world.ConnectorId}/secrets", new { webhookSecret = "whsec_the_new_one_0123456789" });
        var member = SimulatedMember.Active("mem_" + Guid.NewGuid().ToString("N")[..10]);
        _world.Space.AddMembers(member);

        var oldSigned = await _world.SendWebhookAsync(CoworksEventTypes.MemberCreated, member);
        var newSigned = CoworksWebhooks.Build(CoworksWorld.SpaceId, CoworksEventTypes.MemberUpdated, member, "whsec_the_new_one_0123456789");

        Assert.Equal(HttpStatusCode.NoContent, rotate.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, oldSigned.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await _world.App.CreateClient().SendAsync(newSigned.ToRequest(_world.ConnectorId))).StatusCode);
    }

    [Fact]
    public async Task PlanMappings_ReplaceTheDefaults_AndRejectUnknownGroups()
    {
        var url = $"/api/admin/connectors/{_world.ConnectorId}/plan-mappings";

        var put = await _world.App.Admin().PutAsJsonAsync(url, new[] { new { planId = "pln_night", planName = "Night Owl", groups = new[] { "flex" } } });
        var bad = await _world.App.Admin().PutAsJsonAsync(url, new[] { new { planId = "pln_x", planName = "X", groups = new[] { "vip" } } });
        var current = await _world.App.GetJsonAsync(url);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("[0].groups", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        var mapping = Assert.Single(current.EnumerateArray());
        Assert.Equal("pln_night", mapping.GetProperty("planId").GetString());
    }
}
