using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Reliability.Harness;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.IntegrationTests.Support.Secrets;
using CoworkSync.Platforms.Coworks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace CoworkSync.IntegrationTests.Reliability.Hostile;

/// <summary>
/// 10,000 generated Coworks webhook requests against the real intake (in process, real Azurite; the queue pump is off
/// so that only intake is measured): no 5xx, nothing enqueued without a valid signature, every valid event enqueued
/// once, and a valid one sent again answered 200 and not enqueued again.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Reliability")]
public sealed class CoworksWebhookFuzzTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Requests = 10_000;
    private const int Seed = 1616;
    private readonly string _connectorId = "fuzz-" + Guid.NewGuid().ToString("N")[..10];
    private readonly string _secret = "whsec_fuzz_" + Guid.NewGuid().ToString("N");
    private LocalFunctionApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = new LocalFunctionApp(azurite.ConnectionString) { ConfigureServices = services => services.RemoveAll<IHostedService>() };
        await OfflineCoworksConnector.CreateAsync(_app, _connectorId, "Fuzz", "spc_fuzz", _secret);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TenThousandGeneratedRequests_NoServerError_NothingUnsignedEnqueued_EveryValidOneOnce()
    {
        var fuzzer = new CoworksWebhookFuzzer(_connectorId, "spc_fuzz", _secret, Seed);
        var cases = Enumerable.Range(0, Requests).Select(_ => fuzzer.Next()).ToList();
        var answers = new ConcurrentBag<(FuzzedWebhook Case, HttpStatusCode Status, string? EventId)>();
        var client = _app.CreateClient();

        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (fuzzed, _) =>
        {
            using var response = await client.SendAsync(fuzzed.ToRequest());
            string? eventId = null;
            if (response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK)
                eventId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("eventId").GetString();
            answers.Add((fuzzed, response.StatusCode, eventId));
        });

        output.WriteLine($"Seed {Seed}: " + string.Join(", ", answers.GroupBy(a => (int)a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")));
        var serverErrors = answers.Where(a => (int)a.Status >= 500).ToList();
        Assert.True(serverErrors.Count == 0, $"Seed {Seed}: {serverErrors.Count} answers of 5xx, e.g. " +
            string.Join("; ", serverErrors.Take(5).Select(a => $"{a.Case.Kind} → {(int)a.Status}")));
        var unsignedTaken = answers.Where(a => !a.Case.SignedRight && (int)a.Status < 300).ToList();
        Assert.True(unsignedTaken.Count == 0, $"Seed {Seed}: requests without a valid signature answered 2xx: " +
            string.Join("; ", unsignedTaken.Take(5).Select(a => $"{a.Case.Kind} → {(int)a.Status}")));

        var enqueued = _app.Published.Where(e => e.ConnectorId == _connectorId && e.Type == CoworksWebhookEventHandler.Type).GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.Count());
        var signedIds = answers.Where(a => a.Case.SignedRight && a.EventId is not null).Select(a => a.EventId!).ToHashSet(StringComparer.Ordinal);
        var enqueuedUnsigned = enqueued.Keys.Where(id => !signedIds.Contains(id)).ToList();
        Assert.True(enqueuedUnsigned.Count == 0, $"Seed {Seed}: enqueued without a valid signature: {string.Join(", ", enqueuedUnsigned.Take(10))}");
        var twice = enqueued.Where(e => e.Value > 1).Select(e => $"{e.Key} ×{e.Value}").ToList();
        Assert.True(twice.Count == 0, $"Seed {Seed}: enqueued more than once: {string.Join(", ", twice.Take(10))}");
        var valid = answers.Where(a => a.Case.EventId is not null).ToList();
        Assert.True(valid.Count > Requests / 10, $"only {valid.Count} valid requests were generated");
        Assert.All(valid, a => Assert.Equal(HttpStatusCode.Accepted, a.Status));
        Assert.All(valid, a => Assert.Equal(1, enqueued.GetValueOrDefault(a.Case.EventId!)));

        // The platform's retry of an accepted webhook: 200, not enqueued again.
        foreach (var again in valid.Take(50))
        {
            using var response = await client.SendAsync(again.Case.ToRequest());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.Equal(enqueued.Values.Sum(), _app.Published.Count(e => e.ConnectorId == _connectorId && e.Type == CoworksWebhookEventHandler.Type));
    }
}
