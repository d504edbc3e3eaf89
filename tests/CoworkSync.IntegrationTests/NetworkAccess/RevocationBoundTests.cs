using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.Members.Accounts;
using CoworkSync.State.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CoworkSync.IntegrationTests.NetworkAccess;

/// <summary>
/// RADIUS answers from accounts kept in memory, for a bounded time: two instances of CoworkSync on one storage and one
/// clock that only the test moves. A change is seen at once by the instance that stored it, and by every other within
/// the cache time, which is at most 4 s: a disabled member is refused within 5 s of the change everywhere.
/// </summary>
public sealed class RevocationBoundTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    private readonly FakeTimeProvider _clock = new(RadiusWorld.MondayMorning);
    private readonly RadiusWorld _world;
    private LocalFunctionApp _other = null!;

    public RevocationBoundTests() => _world = new RadiusWorld(clock: _clock);

    private TimeSpan CacheTime => _world.App.Services.GetRequiredService<AccountCache>().Ttl;

    public async Task InitializeAsync()
    {
        await _world.InitializeAsync();
        _other = _world.StartAnotherInstance();
    }

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task ASuspendedMember_IsRefusedAtOnceWhereTheChangeWasApplied_AndWithinTheCacheTimeOnAnotherInstance()
    {
        var (username, _) = await _world.MemberAsync("Full-time");
        Assert.Equal(HttpStatusCode.OK, (await _world.AuthorizeAsync(username)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _world.AuthorizeAsync(username, on: _other)).StatusCode);

        await _world.SuspendAsync(username);

        await AssertRefusedAsync(await _world.AuthorizeAsync(username), "member suspended");
        _clock.Advance(CacheTime - TimeSpan.FromMilliseconds(1));
        // Still the account the other instance read before the change: the cache is real, and bounded.
        Assert.Equal(HttpStatusCode.OK, (await _world.AuthorizeAsync(username, on: _other)).StatusCode);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await AssertRefusedAsync(await _world.AuthorizeAsync(username, on: _other), "member suspended");
        Assert.True(CacheTime < Bound, $"the cache time {CacheTime} must stay under {Bound}");
    }

    [Fact]
    public async Task ANewAccount_WorksOnEveryInstanceWithinTheCacheTime()
    {
        var username = $"later.{Guid.NewGuid():N}@example.com";
        Assert.Equal(HttpStatusCode.NotFound, (await _world.AuthorizeAsync(username, on: _other)).StatusCode);

        var (created, _) = await _world.MemberAsync("Full-time", email: username);

        Assert.Equal(username, created);
        Assert.Equal(HttpStatusCode.OK, (await _world.AuthorizeAsync(username)).StatusCode);
        _clock.Advance(CacheTime);
        Assert.Equal(HttpStatusCode.OK, (await _world.AuthorizeAsync(username, on: _other)).StatusCode);
    }

    [Fact]
    public async Task APasswordChangedThroughTheAccountStore_IsAnsweredAtOnceByTheInstanceThatChangedIt()
    {
        var (username, password) = await _world.MemberAsync("Full-time");
        Assert.Equal(password, await PasswordAnsweredAsync(username));

        await _world.SetPasswordAsync(username, "NewPassword-1");

        Assert.Equal("NewPassword-1", await PasswordAnsweredAsync(username));
    }

    [Fact]
    public async Task AnAccountWrittenAnotherWay_IsAnsweredAtOnceAfterTheCacheIsTold()
    {
        var (username, password) = await _world.MemberAsync("Full-time");
        Assert.Equal(password, await PasswordAnsweredAsync(username));
        var protector = _world.App.Services.GetRequiredService<IPasswordProtector>();
        var table = await _world.App.Services.GetRequiredService<StateTables>().GetAsync(TableNames.Accounts, CancellationToken.None);
        var row = (await table.GetEntityAsync<TableEntity>(TableKey.Escape(username), "account")).Value;
        row["Password"] = await protector.ProtectAsync("Changed-Elsewhere-2", username, CancellationToken.None);
        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        Assert.Equal(password, await PasswordAnsweredAsync(username));
        _world.App.Services.GetRequiredService<AccountCache>().Forget(username);

        Assert.Equal("Changed-Elsewhere-2", await PasswordAnsweredAsync(username));
    }

    private async Task<string?> PasswordAnsweredAsync(string username)
    {
        var response = await _world.AuthorizeAsync(username);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await response.Content.ReadFromJsonAsync<JsonElement>();
        return reply.GetProperty("control:Cleartext-Password").GetProperty("value")[0].GetString();
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string reason)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(reason, body.GetProperty("reply:Reply-Message").GetProperty("value")[0].GetString(), StringComparison.OrdinalIgnoreCase);
    }
}
