using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Reliability.Harness;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.IntegrationTests.Support.Secrets;
using CoworkSync.Members.WelcomeEmails;
using CoworkSync.Simulators.Coworks;

namespace CoworkSync.IntegrationTests.Reliability.Faults;

/// <summary>
/// SMTP down (a port nothing listens on): the welcome email is tried <c>EventProcessing__MaxAttempts</c> times, then
/// dead-lettered with its reason; the member's account is created and enabled all the same, and the books balance.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Reliability")]
public sealed class SmtpDownTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _connectorId = "smtp-" + Guid.NewGuid().ToString("N")[..10];
    private readonly string _secret = "whsec_smtp_" + Guid.NewGuid().ToString("N");
    private LocalFunctionApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = new LocalFunctionApp(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["Email:SmtpHost"] = "127.0.0.1",
            ["Email:SmtpPort"] = FreePorts.Tcp()[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:SmtpSecurity"] = "None",
            ["Email:SenderAddress"] = "wifi@space.example",
            ["Email:SmtpTimeout"] = "00:00:02",
            ["AzureWebJobs.PollCoworks.Disabled"] = "true",
        });
        await OfflineCoworksConnector.CreateAsync(_app, _connectorId, "SMTP down", "spc_smtp", _secret);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheWelcomeEmailIsRetriedThenDeadLetteredWithItsReason_TheAccountIsUnaffected()
    {
        var member = SimulatedMember.Active("mem_smtp_down") with { Email = $"smtp.down.{Guid.NewGuid():N}@example.com" };
        var webhook = CoworksWebhooks.Build("spc_smtp", "member.created", member, _secret);
        Assert.Equal(HttpStatusCode.Accepted, (await _app.CreateClient().SendAsync(webhook.ToRequest(_connectorId))).StatusCode);
        var welcomeId = $"welcome:{member.Email!.ToLowerInvariant()}";

        var deadLetter = await Eventually.GetAsync(async () =>
        {
            var response = await _app.Admin().GetAsync($"/api/admin/dead-letters/{Uri.EscapeDataString($"{_connectorId}:{welcomeId}")}");
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
        }, d => d.ValueKind == JsonValueKind.Object, "the welcome email's dead letter", TimeSpan.FromSeconds(60));

        var summary = deadLetter.GetProperty("deadLetter");
        Assert.Equal(WelcomeEmailEvent.Type, summary.GetProperty("eventType").GetString());
        Assert.Equal("RetriesExhausted", summary.GetProperty("reason").GetString());
        Assert.Equal(LocalFunctionApp.MaxAttempts, summary.GetProperty("attempts").GetInt32());
        Assert.Contains("SMTP server 127.0.0.1", summary.GetProperty("errorDescription").GetString(), StringComparison.Ordinal);
        var account = (await _app.GetJsonAsync($"/api/admin/connectors/{_connectorId}/members/mem_smtp_down")).GetProperty("account");
        Assert.True(account.GetProperty("enabled").GetBoolean());
        Assert.Equal(["flex"], account.GetProperty("groups").EnumerateArray().Select(g => g.GetString()!).ToArray());

        var books = await Books.ReadAsync(new TableServiceClient(azurite.ConnectionString), _connectorId, [webhook.EventId, welcomeId], _app.Logs.Lines.ToArray());
        books.AssertBalanced("SMTP down");
        Assert.Contains(webhook.EventId, books.Applied);
        Assert.Contains(welcomeId, books.DeadLettered);
    }
}
