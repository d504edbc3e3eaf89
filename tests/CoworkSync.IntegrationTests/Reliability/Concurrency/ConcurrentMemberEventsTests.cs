using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Reliability.Harness;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.IntegrationTests.Support.Secrets;
using CoworkSync.Platforms.Coworks;
using CoworkSync.Simulators.Coworks;
using CsCheck;
using Xunit.Abstractions;

namespace CoworkSync.IntegrationTests.Reliability.Concurrency;

/// <summary>
/// 16 events about one member, sent at once in an order CsCheck chooses, applied by 16 concurrent deliveries through
/// the real pipeline (intake, queue, claim, reconciler with its ETag retries): all 16 end applied or dead-lettered, and
/// the account is the one the newest state gives, whatever the order.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Reliability")]
public sealed class ConcurrentMemberEventsTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Events = 16;
    private static readonly (string Id, string Name, string Group)[] Plans = [("pln_flex", "Flex", "flex"), ("pln_full", "Full-time", "fulltime"), ("pln_dedicated", "Dedicated", "dedicated")];
    private readonly string _connectorId = "conc-" + Guid.NewGuid().ToString("N")[..10];
    private readonly string _secret = "whsec_conc_" + Guid.NewGuid().ToString("N");
    private LocalFunctionApp _app = null!;
    private int _iteration;

    public async Task InitializeAsync()
    {
        _app = new LocalFunctionApp(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["LocalQueue:MaxConcurrentCalls"] = Events.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["LocalQueue:MaxDeliveryCount"] = "10",
            ["EventProcessing:MaxAttempts"] = "6",
            ["AzureWebJobs.PollCoworks.Disabled"] = "true",
        });
        await OfflineCoworksConnector.CreateAsync(_app, _connectorId, "Concurrency", "spc_conc", _secret, sendWelcomeEmail: false);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SixteenConcurrentEventsForOneMember_InAnyOrder_LeaveTheAccountTheNewestStateGives()
    {
        var states = Gen.Int[0, (Plans.Length * 2) - 1].Array[Events];
        var order = Gen.Shuffle(Enumerable.Range(0, Events).ToArray());
        await Gen.Select(states, order).SampleAsync(async (kinds, sendOrder) => await ApplyAsync(kinds, sendOrder),
            iter: 12, threads: 1, writeLine: output.WriteLine, seed: null);
    }

    private async Task ApplyAsync(int[] kinds, int[] sendOrder)
    {
        var memberId = $"mem_conc_{Interlocked.Increment(ref _iteration):D3}_{Guid.NewGuid():N}"[..30];
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        var webhooks = kinds.Select((kind, v) =>
        {
            var plan = Plans[kind % Plans.Length];
            var member = SimulatedMember.Active(memberId, plan.Id, plan.Name) with
            {
                Email = $"{memberId}@example.com",
                Status = kind < Plans.Length ? "active" : "suspended",
                UpdatedAt = start.AddSeconds(v),
            };
            return CoworksWebhooks.Build("spc_conc", v == 0 ? CoworksEventTypes.MemberCreated : CoworksEventTypes.MemberUpdated, member, _secret,
                eventId: $"evt_{memberId}_{v:D2}", createdAt: start.AddSeconds(v));
        }).ToArray();

        var client = _app.CreateClient();
        var answers = await Task.WhenAll(sendOrder.Select(i => client.SendAsync(webhooks[i].ToRequest(_connectorId))));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Accepted, a.StatusCode));

        var tables = new TableServiceClient(azurite.ConnectionString);
        var ids = webhooks.Select(w => w.EventId).ToArray();
        var books = await Eventually.GetAsync(() => Books.ReadAsync(tables, _connectorId, ids, _app.Logs.Lines.ToArray()),
            b => b.Balance, $"the 16 events of {memberId} to be applied or dead-lettered", TimeSpan.FromSeconds(60));
        Assert.Equal(Events, books.AcceptedApplied + books.AcceptedDeadLettered);

        var newest = kinds[^1];
        var view = await _app.GetJsonAsync($"/api/admin/connectors/{_connectorId}/members/{memberId}");
        var account = view.GetProperty("account");
        var order = string.Join(",", sendOrder);
        if (newest < Plans.Length)
        {
            Assert.True(account.ValueKind == JsonValueKind.Object, $"{memberId}: no account; sent in order {order}");
            Assert.True(account.GetProperty("enabled").GetBoolean(), $"{memberId}: disabled, but the newest state is active; order {order}");
            Assert.Equal([Plans[newest].Group], account.GetProperty("groups").EnumerateArray().Select(g => g.GetString()!).ToArray());
        }
        else
        {
            Assert.True(account.ValueKind != JsonValueKind.Object || !account.GetProperty("enabled").GetBoolean(), $"{memberId}: enabled, but the newest state is suspended; order {order}");
        }
        Assert.Equal(start.AddSeconds(Events - 1), view.GetProperty("platformUpdatedAt").GetDateTimeOffset());
    }
}
