using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Reliability.Harness;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.IntegrationTests.Support.Secrets;
using Xunit.Abstractions;

namespace CoworkSync.IntegrationTests.Reliability.Faults;

/// <summary>
/// Azurite (its data on disk) stopped for 30 s while webhooks keep coming, then started again: while it is down every
/// webhook answers 503 (never 202 for an event that was not stored) and health answers 503; processing resumes by
/// itself; once the platform has sent again what was refused, the books balance and the accounts are right.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class StorageOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);
    private readonly string _location = Directory.CreateTempSubdirectory("coworksync-azurite-").FullName;
    private readonly string _connectorId = "outage-" + Guid.NewGuid().ToString("N")[..10];
    private readonly string _secret = "whsec_outage_" + Guid.NewGuid().ToString("N");
    private AzuriteInstance _azurite = null!;
    private LocalFunctionApp _app = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteInstance.StartAsync(_location);
        _app = new LocalFunctionApp(_azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["AzureWebJobs.PollCoworks.Disabled"] = "true",
            // A delivery cut off by the outage comes back when its lock ends; its claim outlives the lock, as in production.
            ["LocalQueue:LockDuration"] = "00:00:10",
            ["EventProcessing:ClaimLease"] = "00:00:20",
            ["EventProcessing:MaxAttempts"] = "6",
        });
        await OfflineCoworksConnector.CreateAsync(_app, _connectorId, "Outage", CoworksSpaceOfApp.SpaceId, _secret, sendWelcomeEmail: false);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _azurite.DisposeAsync();
        Directory.Delete(_location, recursive: true);
    }

    [Fact]
    public async Task AzuriteDown30sUnderLoad_WebhooksAndHealthAre503_ProcessingResumes_NothingIsLost()
    {
        var histories = MemberHistories.Generate("outage", members: 20, statesEach: 3, seed: 30);
        var states = histories.All.OrderBy(s => s.Version).ToList();
        var answers = new ConcurrentDictionary<string, HttpStatusCode>(StringComparer.Ordinal);
        var duringOutage = new ConcurrentBag<(string EventId, HttpStatusCode Status)>();
        var client = _app.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(2);
        var down = 0; // 1 from the moment Azurite has stopped until the moment it starts again
        var next = -1;

        async Task SendAsync(MemberState state)
        {
            var wasDown = Volatile.Read(ref down) == 1;
            using var response = await client.SendAsync(MemberHistories.Webhook(state, CoworksSpaceOfApp.SpaceId, _secret).ToRequest(_connectorId));
            if (wasDown && Volatile.Read(ref down) == 1)
                duringOutage.Add((state.EventId, response.StatusCode));
            answers.AddOrUpdate(state.EventId, response.StatusCode, (_, before) => before is HttpStatusCode.Accepted or HttpStatusCode.OK ? before : response.StatusCode);
        }

        // The load: four senders taking the states in order until all are sent, across the outage.
        var load = Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < states.Count; i = Interlocked.Increment(ref next))
            {
                await SendAsync(states[i]);
                await Task.Delay(150);
            }
        })));
        await Eventually.TrueAsync(() => answers.Count >= states.Count / 4, "a quarter of the webhooks sent before the outage");

        await _azurite.StopGracefullyAsync(TimeSpan.FromSeconds(20));
        var stopped = Stopwatch.StartNew();
        Volatile.Write(ref down, 1);
        using (var health = await client.GetAsync("/api/health"))
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var left = Outage - stopped.Elapsed;
        if (left > TimeSpan.Zero)
            await Task.Delay(left);
        Volatile.Write(ref down, 0);
        await _azurite.StartAgainAsync();
        await load;

        output.WriteLine($"During the outage: {string.Join(", ", duringOutage.GroupBy(d => (int)d.Status).Select(g => $"{g.Key}: {g.Count()}"))}");
        Assert.NotEmpty(duringOutage);
        Assert.All(duringOutage, d => Assert.Equal(HttpStatusCode.ServiceUnavailable, d.Status));
        await Eventually.GetAsync(() => client.GetAsync("/api/health"), r => r.StatusCode == HttpStatusCode.OK, "health to recover");

        // Coworks sends again what was refused.
        foreach (var state in states.Where(s => answers[s.EventId] is not (HttpStatusCode.Accepted or HttpStatusCode.OK)))
            await SendAsync(state);
        Assert.All(states, s => Assert.True(answers[s.EventId] is HttpStatusCode.Accepted or HttpStatusCode.OK, $"{s.EventId}: {answers[s.EventId]}"));

        var tables = new TableServiceClient(_azurite.ConnectionString);
        var accepted = states.Select(s => s.EventId).ToArray();
        async Task<(Books Books, IReadOnlyList<string> Problems)> ReadAsync()
        {
            var read = await Books.ReadAsync(tables, _connectorId, accepted, _app.Logs.Lines.ToArray());
            return (read, read.Balance ? await CompareAsync(histories) : ["the books do not balance yet"]);
        }
        (Books Books, IReadOnlyList<string> Problems) last;
        try
        {
            last = await Eventually.GetAsync(ReadAsync, r => r.Books.Balance && r.Problems.Count == 0, "the books to balance after the outage", TimeSpan.FromSeconds(120));
        }
        catch (TimeoutException)
        {
            last = await ReadAsync();
        }
        var (books, problems) = last;
        output.WriteLine($"Books: {books}");
        books.AssertBalanced($"the outage of connector {_connectorId}");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private async Task<IReadOnlyList<string>> CompareAsync(MemberHistories histories)
    {
        var problems = new List<string>();
        foreach (var memberId in histories.Histories.Keys)
        {
            var response = await _app.Admin().GetAsync($"/api/admin/connectors/{_connectorId}/members/{memberId}");
            var view = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
            problems.AddRange(histories.Compare(memberId, view));
        }
        return problems;
    }
}
