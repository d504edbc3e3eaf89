using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoworkSync.Connectors.Seam;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Simulators;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.Members.Records;
using CoworkSync.Platforms.Cobot;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoworkSync.IntegrationTests.Platforms.Cobot;

/// <summary>
/// A burst of webhooks, each a re-read of one membership, is more than Cobot allows in a minute: the client's limiter
/// spreads it out so Cobot never answers 429, and every event is applied. The limiter (its clock and its waits) and the
/// simulator share virtual time (<see cref="CobotVirtualTime"/>), so the minutes of queueing take no time.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CobotWebhookBurstTests : IAsyncLifetime
{
    private const int Webhooks = 150;
    private readonly CobotVirtualTime _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly CobotWorld _world;

    public CobotWebhookBurstTests(AzuriteFixture azurite) => _world = new CobotWorld(azurite,
        services => services.AddSingleton(provider => new CobotRateLimiter(_time.Limiter,
            provider.GetRequiredService<IOptions<CobotClientOptions>>(), provider.GetRequiredService<ILogger<CobotRateLimiter>>())),
        // Enough events at once that many wait for their slot together.
        new Dictionary<string, string?> { ["LocalQueue:MaxConcurrentCalls"] = "32" },
        cobotTime: _time.Simulator);

    public async Task InitializeAsync()
    {
        await _world.InitializeAsync();
        await _world.ConnectWithTokenAsync();
    }

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task ABurstOf150WebhookReReads_CobotNeverAnswers429_AndEveryEventIsApplied()
    {
        var ids = Enumerable.Range(0, Webhooks).Select(i => $"b{i:D3}").ToList();
        foreach (var id in ids)
            _world.Cobot.Put(CobotWorld.Member(id));
        Assert.Equal("succeeded", (await _world.SyncAsync(TimeSpan.FromMinutes(2))).GetProperty("state").GetString());
        var berlinToday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_world.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);
        foreach (var id in ids)
            _world.Cobot.Update(id, m => m with { CanceledTo = berlinToday.AddDays(-1) });
        var before = _world.Cobot.RequestCount;

        // Moves virtual time on whenever the app waits for a slot; stops early if Cobot ever answers 429.
        using var stop = new CancellationTokenSource();
        var driver = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested && !_world.Cobot.Requests.Any(r => r.Status == 429))
            {
                _time.TryAdvance(_world.Cobot.RequestCount);
                await Task.Delay(5);
            }
        });
        var eventIds = new List<string>();
        foreach (var id in ids)
        {
            var accepted = await _world.WebhookAsync(_world.Cobot.WebhookBody(id));
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            eventIds.Add((await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("eventId").GetString()!);
        }
        var applied = _world.WaitForAppliedAsync(eventIds, TimeSpan.FromMinutes(3));
        await Task.WhenAny(applied, driver);
        Assert.DoesNotContain(_world.Cobot.Requests, r => r.Status == 429);
        await applied;
        await stop.CancelAsync();
        await driver;

        var requests = _world.Cobot.Requests;
        var reReads = requests.Skip(before).Where(r => r.Method == "GET" && r.PathAndQuery.StartsWith("/api/memberships/", StringComparison.Ordinal)).ToList();
        Assert.Equal(Webhooks, reReads.Count);
        // More than a minute's worth: the limiter held some back, and never let more than Cobot allows into a minute.
        Assert.True(reReads.Max(r => r.At) - reReads.Min(r => r.At) >= TimeSpan.FromMinutes(1), "the re-reads were not spread over more than a minute");
        // Limits count per token: every call to the space's API is made with the space's token (www saw only the
        // connect's two calls, made with the operator's token).
        var times = requests.Where(r => r.Host == CobotSimHost.Space).Select(r => r.At).Order().ToList();
        Assert.Equal(requests.Count - 2, times.Count);
        for (var i = CobotSimulator.RequestsPerMinute; i < times.Count; i++)
            Assert.True(times[i] - times[i - CobotSimulator.RequestsPerMinute] >= TimeSpan.FromMinutes(1), $"{CobotSimulator.RequestsPerMinute + 1} requests within a minute");

        var ended = 0;
        await foreach (var member in _world.App.Services.GetRequiredService<MemberStore>().ListAsync(_world.ConnectorId, CancellationToken.None))
            ended += member.Platform.MembershipStatus == MembershipStatus.Ended ? 1 : 0;
        Assert.Equal(Webhooks, ended);
    }
}
