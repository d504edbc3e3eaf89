using System.Collections.Concurrent;
using System.Net;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.Members.Accounts;
using CoworkSync.NetworkAccess;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.IntegrationTests.NetworkAccess;

/// <summary>What accounting tells the session-start observers (Cobot's check-in queue is one): once per new session, never at the cost of the accounting answer.</summary>
public sealed class SessionStartObserverTests : IAsyncLifetime
{
    private readonly RecordingObserver _observer = new();
    private readonly RadiusWorld _world;

    public SessionStartObserverTests() => _world = new RadiusWorld(services: s => s.AddSingleton<ISessionStartObserver>(_observer));

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task ANewSession_IsToldOnce_HoweverManyReportsFollow_AndOneWhoseStartWasLostIsToldAtItsFirstInterim()
    {
        var (username, _) = await _world.MemberAsync("Full-time");

        foreach (var (status, seconds) in new[] { ("Start", 0L), ("Start", 0L), ("Interim-Update", 300L), ("Interim-Update", 600L), ("Stop", 900L) })
            Assert.Equal(HttpStatusCode.NoContent, (await _world.AccountingAsync(status, username, "sess-told-once", seconds)).StatusCode);
        Assert.Single(_observer.Starts);

        Assert.Equal(HttpStatusCode.NoContent, (await _world.AccountingAsync("Interim-Update", username, "sess-start-lost", 300)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _world.AccountingAsync("Interim-Update", username, "sess-start-lost", 600)).StatusCode);

        Assert.Equal(2, _observer.Starts.Count);
        Assert.All(_observer.Starts, start => Assert.Equal(username, start.Account.Username));
        Assert.All(_observer.Starts, start => Assert.Equal("Europe/Berlin", start.Zone.Id));
    }

    [Fact]
    public async Task AFailingObserver_NeverFailsTheAccountingRequest_AndTheUsageIsRecorded()
    {
        var (username, _) = await _world.MemberAsync("Flex");
        _observer.Fails = true;

        var response = await _world.AccountingAsync("Start", username, "sess-observer-fails", 0);
        var interim = await _world.AccountingAsync("Interim-Update", username, "sess-observer-fails", 1800);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, interim.StatusCode);
        Assert.Single(_observer.Starts);
        var account = await _world.App.Services.GetRequiredService<AccountStore>().GetAsync(username, CancellationToken.None);
        var usage = await _world.App.Services.GetRequiredService<UsageReport>().ForAsync(account!, CancellationToken.None);
        Assert.Equal(1800, usage.UsedSeconds);
    }

    private sealed class RecordingObserver : ISessionStartObserver
    {
        private readonly ConcurrentQueue<SessionStart> _starts = new();

        public bool Fails { get; set; }

        public IReadOnlyCollection<SessionStart> Starts => _starts;

        public Task SessionStartedAsync(SessionStart start, CancellationToken cancellationToken)
        {
            _starts.Enqueue(start);
            return Fails ? throw new InvalidOperationException("The observer's queue is down (a test's failure).") : Task.CompletedTask;
        }
    }
}
