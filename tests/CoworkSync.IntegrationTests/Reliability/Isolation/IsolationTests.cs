using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.IntegrationTests.Support.Secrets;
using CoworkSync.Platforms.Coworks;
using CoworkSync.Simulators.Coworks;

namespace CoworkSync.IntegrationTests.Reliability.Isolation;

/// <summary>
/// Connectors are walls: a webhook for connector A, however it is signed or addressed, never changes a member of
/// connector B. Keys are doors: admin, RADIUS and connect routes answer 401 without the key. And a raw scan of every
/// table of the run's Azurite finds no WiFi password and no secret in clear.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Reliability")]
public sealed class IsolationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly CoworksWorld _a = new(azurite);
    private readonly CoworksWorld _b = new(azurite);

    public async Task InitializeAsync()
    {
        await _a.InitializeAsync();
        await _b.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [Fact]
    public async Task AWebhookForConnectorA_NeverChangesAMemberOfConnectorB()
    {
        // Both worlds use the same space id and secret: the strongest case, where only the URL tells them apart.
        var member = SimulatedMember.Active("mem_wall") with { Email = $"wall.{Guid.NewGuid():N}@example.com" };
        Assert.Equal(HttpStatusCode.Accepted, (await _b.SendWebhookAsync(CoworksEventTypes.MemberCreated, member)).StatusCode);
        await _b.WaitForMemberAsync("mem_wall", m => m.GetProperty("account").ValueKind == JsonValueKind.Object, "B's member");

        var suspended = member with { Status = "suspended", UpdatedAt = DateTimeOffset.UtcNow.AddMinutes(1) };
        var toA = await _a.SendWebhookAsync(CoworksEventTypes.MemberUpdated, suspended);
        var toAUnderBsName = await _a.App.CreateClient().SendAsync(
            CoworksWebhooks.Build(CoworksWorld.SpaceId, CoworksEventTypes.MemberUpdated, suspended, "whsec_not_b_secret_0000").ToRequest(_b.ConnectorId));
        Assert.Equal(HttpStatusCode.Accepted, toA.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, toAUnderBsName.StatusCode);
        await _a.WaitForMemberAsync("mem_wall", m => m.GetProperty("status").GetString() == "suspended", "A's copy of the member");

        var inB = await _b.MemberAsync("mem_wall");
        Assert.Equal("active", inB.GetProperty("status").GetString());
        Assert.True(inB.GetProperty("account").GetProperty("enabled").GetBoolean());
        // A's member got no account of their own: the user name is B's member's, and stays theirs.
        Assert.NotEqual(inB.GetProperty("account").GetProperty("username").GetString(),
            (await _a.MemberAsync("mem_wall")).GetProperty("account") is { ValueKind: JsonValueKind.Object } a ? a.GetProperty("username").GetString() : null);
    }

    [Theory]
    [InlineData("GET", "/api/admin/connectors")]
    [InlineData("GET", "/api/admin/dead-letters")]
    [InlineData("PUT", "/api/admin/connectors/any/secrets")]
    [InlineData("POST", "/api/radius/authorize")]
    [InlineData("POST", "/api/radius/accounting")]
    [InlineData("GET", "/api/connect/cobot/any")]
    public async Task KeyedRoutes_WithoutTheKey_Or_WithAWrongOne_Are401WithNoBody(string method, string path)
    {
        var client = _a.App.CreateClient();
        foreach (var key in new[] { null, "wrong-key", LocalFunctionApp.FunctionKey + "x", "" })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) };
            if (key is not null)
                request.Headers.Add("x-functions-key", key);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task ARawScanOfEveryTable_FindsNoWifiPasswordAndNoSecretInClear()
    {
        var member = SimulatedMember.Active("mem_scan") with { Email = $"scan.{Guid.NewGuid():N}@example.com" };
        Assert.Equal(HttpStatusCode.Accepted, (await _a.SendWebhookAsync(CoworksEventTypes.MemberCreated, member)).StatusCode);
        await _a.WaitForMemberAsync("mem_scan", m => m.GetProperty("account").ValueKind == JsonValueKind.Object, "the member's account");
        var email = await _a.Mail.WaitForMessageToAsync(member.Email!, TimeSpan.FromSeconds(30));
        var clear = (email.TextBody ?? "").Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("Password: ", StringComparison.Ordinal))["Password: ".Length..];
        SecretsInLogs.Register(clear);

        var secrets = new[] { clear, CoworksWorld.ApiKey, CoworksWorld.WebhookSecret, LocalFunctionApp.FunctionKey };
        var service = new TableServiceClient(azurite.ConnectionString);
        var found = new List<string>();
        var rows = 0;
        await foreach (var table in service.QueryAsync())
        {
            await foreach (var row in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                rows++;
                var text = string.Join("|", row.Select(p => $"{p.Key}={p.Value}"));
                found.AddRange(secrets.Where(s => text.Contains(s, StringComparison.Ordinal)).Select(s => $"{table.Name}/{row.PartitionKey}/{row.RowKey} holds a secret starting '{s[..3]}…'"));
            }
        }
        Assert.True(rows > 0);
        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }
}
