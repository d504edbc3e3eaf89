using System.Net;
using System.Text.Json;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.Messaging.DeadLetters;
using CoworkSync.Messaging.Processing;
using CoworkSync.Platforms.Cobot;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.IntegrationTests.Platforms.Cobot;

/// <summary>A Cobot member's WiFi session start checks them into Cobot once per local day, through the queue.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CobotCheckInTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly CobotWorld _world = new(azurite);

    public async Task InitializeAsync()
    {
        await _world.InitializeAsync();
        await _world.ConnectWithTokenAsync();
        _world.Cobot.Put(CobotWorld.Member("m-day"));
        _world.Cobot.Put(CobotWorld.Member("m-nopass") with { HasTimePasses = false });
        _world.Cobot.Put(CobotWorld.Member("m-vanished"));
        await _world.SyncAsync();
    }

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task SessionStarts_CheckTheMemberInOncePerLocalDay()
    {
        // 10:00 in Berlin.
        _world.Clock.SetNow(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(HttpStatusCode.NoContent, (await StartAsync(_world.Cobot.Membership("m-day").Email!, "s1")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await StartAsync(_world.Cobot.Membership("m-day").Email!, "s2")).StatusCode);

        await Eventually.TrueAsync(() => _world.Cobot.CheckIns.Count == 1, "the check-in");
        var queued = _world.App.Published.Where(e => e.Type == CobotCheckInEvent.Type).ToList();
        Assert.Equal(2, queued.Count);
        Assert.Single(queued.Select(e => e.Id).Distinct());
        Assert.Single(_world.Cobot.CheckInTokens);
        var member = await _world.WaitForMemberAsync("m-day", m => m.GetProperty("cobotCheckIn").ValueKind == JsonValueKind.Object, "the check-in on the member");
        Assert.Equal("2026-11-24", member.GetProperty("cobotCheckIn").GetProperty("lastCheckInOn").GetString());

        // Applying that day's event again, whatever delivered it, checks in no more.
        var handler = _world.App.Services.GetServices<IEventHandler>().Single(h => h.EventType == CobotCheckInEvent.Type);
        await handler.HandleAsync(queued[1], CancellationToken.None);
        Assert.Single(_world.Cobot.CheckIns);

        // 23:30 UTC is already the next day in Berlin.
        _world.Clock.SetNow(new DateTimeOffset(2026, 11, 24, 23, 30, 0, TimeSpan.Zero));
        await StartAsync(_world.Cobot.Membership("m-day").Email!, "s3");
        await Eventually.TrueAsync(() => _world.Cobot.CheckIns.Count == 2, "the next day's check-in");
        Assert.Single(_world.Cobot.CheckInTokens);
    }

    [Fact]
    public async Task CobotRefusingTheCheckIn_422_IsRecordedOnTheMember()
    {
        await StartAsync(_world.Cobot.Membership("m-nopass").Email!, "s1");

        var member = await _world.WaitForMemberAsync("m-nopass",
            m => m.GetProperty("cobotCheckIn").ValueKind == JsonValueKind.Object && m.GetProperty("cobotCheckIn").GetProperty("lastError").ValueKind == JsonValueKind.String,
            "the refused check-in on the member");

        Assert.Equal("No time passes left.", member.GetProperty("cobotCheckIn").GetProperty("lastError").GetString());
        Assert.Equal(JsonValueKind.Null, member.GetProperty("cobotCheckIn").GetProperty("lastCheckInOn").ValueKind);
        Assert.Empty(_world.Cobot.CheckIns);
        Assert.True(member.GetProperty("account").GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task CobotRefusingTheCheckInToken_422_IsRecordedToo()
    {
        var email = _world.Cobot.Membership("m-vanished").Email!;
        _world.Cobot.Delete("m-vanished");

        await StartAsync(email, "s1");

        var member = await _world.WaitForMemberAsync("m-vanished",
            m => m.GetProperty("cobotCheckIn").ValueKind == JsonValueKind.Object && m.GetProperty("cobotCheckIn").GetProperty("lastError").ValueKind == JsonValueKind.String,
            "the refused check-in token on the member");
        Assert.Contains("422", member.GetProperty("cobotCheckIn").GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Empty(_world.Cobot.CheckInTokens);
    }

    [Fact]
    public async Task ATokenCobotNoLongerHas_204_IsNotACheckIn_TheReasonIsRecorded_AndTheNextDayRegistersANewToken()
    {
        var email = _world.Cobot.Membership("m-day").Email!;
        _world.Clock.SetNow(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        await StartAsync(email, "s1");
        await Eventually.TrueAsync(() => _world.Cobot.CheckIns.Count == 1, "the first check-in");
        await _world.WaitForMemberAsync("m-day",
            m => m.GetProperty("cobotCheckIn").ValueKind == JsonValueKind.Object && m.GetProperty("cobotCheckIn").GetProperty("lastCheckInOn").GetString() == "2026-11-24",
            "the first check-in saved on the member");
        var firstToken = Assert.Single(_world.Cobot.CheckInTokens).Key;

        _world.Cobot.DeleteCheckInTokens("m-day");
        _world.Clock.SetNow(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        await StartAsync(email, "s2");

        var refused = await _world.WaitForMemberAsync("m-day",
            m => m.GetProperty("cobotCheckIn").GetProperty("lastError").ValueKind == JsonValueKind.String, "the 204 on the member");
        Assert.Contains("204", refused.GetProperty("cobotCheckIn").GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal("2026-11-24", refused.GetProperty("cobotCheckIn").GetProperty("lastCheckInOn").GetString());
        Assert.Single(_world.Cobot.CheckIns);
        Assert.Equal(1, _world.Cobot.CountRequests(r => r.PathAndQuery == "/api/check_ins" && r.Status == 204));
        var stored = await _world.App.Services.GetRequiredService<CobotCheckInStore>().GetAsync(_world.ConnectorId, "m-day", CancellationToken.None);
        Assert.Null(stored!.Token);

        _world.Clock.SetNow(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        await StartAsync(email, "s3");

        await Eventually.TrueAsync(() => _world.Cobot.CheckIns.Count == 2, "the check-in with a new token");
        var secondToken = Assert.Single(_world.Cobot.CheckInTokens).Key;
        Assert.NotEqual(firstToken, secondToken);
        var member = await _world.WaitForMemberAsync("m-day",
            m => m.GetProperty("cobotCheckIn").GetProperty("lastCheckInOn").GetString() == "2026-11-26", "the new check-in on the member");
        Assert.Equal("2026-11-26", member.GetProperty("cobotCheckIn").GetProperty("lastCheckInOn").GetString());
    }

    [Fact]
    public async Task ARevokedToken_ShowsTheConnectorInError_AndTheCheckInIsDeadLetteredAsRefused()
    {
        // The clock is left alone: set back before the connection was saved, the 401 would be taken for a call made
        // with an older token.
        _world.Cobot.RevokeToken(await _world.AccessTokenAsync());

        await StartAsync(_world.Cobot.Membership("m-day").Email!, "s1");

        var eventId = (await Eventually.GetAsync(() => Task.FromResult(_world.App.Published.FirstOrDefault(e => e.Type == CobotCheckInEvent.Type)), e => e is not null, "the queued check-in"))!.Id;
        var deadLetters = _world.App.Services.GetRequiredService<IDeadLetterStore>();
        var deadLetter = await Eventually.GetAsync(() => deadLetters.GetAsync($"{_world.ConnectorId}:{eventId}", CancellationToken.None), d => d is not null, "the dead-lettered check-in");
        Assert.Equal(DeadLetterReasons.PlatformRefused, deadLetter!.Reason);
        var connection = (await _world.ConnectorAsync()).GetProperty("cobot").GetProperty("connection");
        Assert.Equal("error", connection.GetProperty("state").GetString());
        Assert.Contains("401", connection.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Empty(_world.Cobot.CheckIns);
    }

    private Task<HttpResponseMessage> StartAsync(string username, string sessionId) =>
        _world.App.CreateClient().PostAsync($"/api/radius/accounting?code={LocalFunctionApp.FunctionKey}", RadiusWorld.RlmRest(new Dictionary<string, object>
        {
            ["Acct-Status-Type"] = "Start",
            ["User-Name"] = username,
            ["Acct-Unique-Session-Id"] = sessionId,
            ["Acct-Session-Time"] = 0,
            ["NAS-Identifier"] = "coup-ap-1",
        }));
}
