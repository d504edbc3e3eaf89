using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.Messaging.DeadLetters;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.IntegrationTests.Administration;

/// <summary>
/// Every change made through the admin API is in the audit log, once, with who made it and what changed, and never a
/// secret's value; <c>GET /api/admin/audit</c> reads it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AuditAdminApiTests(AzuriteFixture azurite) : IDisposable
{
    private const string ApiKey = "audit-test-api-key-value";
    private const string WebhookSecret = "audit-test-webhook-secret-value";

    private readonly LocalFunctionApp _app = new(azurite.ConnectionString);
    private readonly string _connector = "aud-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task ConnectorChanges_AreRecordedNewestFirst_WithWhoAndTheValuesChanged_AndSecretsOnlyByName()
    {
        var admin = _app.Admin();
        (await admin.PutAsJsonAsync($"/api/admin/connectors/{_connector}?by=carol", Body("Mitte", "Europe/Berlin"))).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync($"/api/admin/connectors/{_connector}", Body("Mitte", "Europe/London"))).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync($"/api/admin/connectors/{_connector}/secrets?by=carol", new { apiKey = ApiKey, webhookSecret = WebhookSecret })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync($"/api/admin/connectors/{_connector}/plan-mappings", new[]
        {
            new { planId = "pln_flex", planName = "Flex", groups = new[] { "flex", "trial" } },
        })).EnsureSuccessStatusCode();
        var refusedSecrets = await admin.PutAsJsonAsync($"/api/admin/connectors/{_connector}/secrets", new { webhookSecret = "short" });

        var response = await admin.GetAsync($"/api/admin/audit?connectorId={_connector}");
        var text = await response.Content.ReadAsStringAsync();
        var items = JsonDocument.Parse(text).RootElement.GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.BadRequest, refusedSecrets.StatusCode);
        Assert.Equal(["plan-mappings.replaced", "secrets.set", "connector.updated", "connector.created"], items.Select(i => i.GetProperty("action").GetString()));
        Assert.DoesNotContain(ApiKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(WebhookSecret, text, StringComparison.Ordinal);

        var created = items[3];
        Assert.Equal("carol", created.GetProperty("actor").GetProperty("name").GetString());
        Assert.Equal("admin API", created.GetProperty("actor").GetProperty("via").GetString());
        Assert.Contains(created.GetProperty("changes").EnumerateArray(), c => c.GetProperty("field").GetString() == "coworks.spaceId" && c.GetProperty("after").GetString() == "spc_1");

        var updated = items[2];
        Assert.Equal("admin API key", updated.GetProperty("actor").GetProperty("name").GetString());
        var change = Assert.Single(updated.GetProperty("changes").EnumerateArray());
        Assert.Equal("locations[0].timeZone", change.GetProperty("field").GetString());
        Assert.Equal("Europe/Berlin", change.GetProperty("before").GetString());
        Assert.Equal("Europe/London", change.GetProperty("after").GetString());

        Assert.Equal(["apiKey", "webhookSecret"], items[1].GetProperty("secretsSet").EnumerateArray().Select(s => s.GetString()));
        Assert.Empty(items[1].GetProperty("changes").EnumerateArray());

        var mapping = items[0].GetProperty("changes").EnumerateArray().ToDictionary(c => c.GetProperty("field").GetString()!, c => c.GetProperty("after").GetString());
        Assert.Equal("flex, trial", mapping["Flex (pln_flex)"]);
        Assert.Null(mapping["Virtual"]);

        // The connector shows when each secret was set.
        var connector = await _app.GetJsonAsync($"/api/admin/connectors/{_connector}");
        Assert.Equal("set", connector.GetProperty("secrets").GetProperty("apiKey").GetString());
    }

    [Fact]
    public async Task APrincipalHeader_IsNotBelievedInLocalMode()
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/admin/connectors/{_connector}") { Content = JsonContent.Create(Body("Mitte", "Europe/Berlin")) };
        request.Headers.Add("X-MS-CLIENT-PRINCIPAL-NAME", "mallory");

        (await _app.Admin().SendAsync(request)).EnsureSuccessStatusCode();

        var page = await _app.GetJsonAsync($"/api/admin/audit?connectorId={_connector}&area=connectors");
        Assert.Equal("admin API key", page.GetProperty("items")[0].GetProperty("actor").GetProperty("name").GetString());
    }

    [Fact]
    public async Task DeadLetterActions_AreRecordedOnce_WithTheirComment()
    {
        var envelope = LocalFunctionApp.Event(_connector, "evt_audit");
        await _app.Services.GetRequiredService<IDeadLetterStore>().RecordFailureAsync(new DeadLetterFailure
        {
            Envelope = envelope,
            Reason = "UnknownConnector",
            Source = DeadLetterSources.ProcessEvent,
            Attempts = 1,
            FailedAt = DateTimeOffset.UtcNow,
        }, CancellationToken.None);

        var discard = await _app.Admin().SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/admin/dead-letters/{_connector}:evt_audit")
        {
            Content = JsonContent.Create(new { by = "dave", comment = "member left" }),
        });

        Assert.Equal(HttpStatusCode.OK, discard.StatusCode);
        var page = await _app.GetJsonAsync($"/api/admin/audit?connectorId={_connector}");
        var entry = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("dead-letters", entry.GetProperty("area").GetString());
        Assert.Equal("dead-letter.discarded", entry.GetProperty("action").GetString());
        Assert.Equal($"{_connector}:evt_audit", entry.GetProperty("target").GetString());
        Assert.Equal("dave", entry.GetProperty("actor").GetProperty("name").GetString());
        Assert.Equal("member left", entry.GetProperty("comment").GetString());
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("area=everything", "area")]
    [InlineData("continuationToken=bm8tYmFy", "continuationToken")]
    public async Task ABadQuery_Is400_NamingTheParameter(string query, string field)
    {
        var response = await _app.Admin().GetAsync("/api/admin/audit?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }

    private static object Body(string name, string timeZone) => new
    {
        platform = "coworks",
        displayName = name,
        locations = new[] { new { id = "loc_1", name = "Mitte", timeZone, nasIdentifiers = new[] { "mitte-ap-*" } } },
        coworks = new { apiBaseUrl = "https://api.coworks.example", spaceId = "spc_1" },
    };

    public void Dispose() => _app.Dispose();
}
