using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.Members.Accounts;
using CoworkSync.Members.Provisioning;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.IntegrationTests.Administration;

/// <summary>
/// <c>POST /api/admin/connectors/{id}/members/{memberId}/explain</c> against real Table Storage: the answer's content,
/// compared with what RADIUS authorize itself answers the same account from the same access point.
/// </summary>
public sealed class ExplainMemberAccessApiTests : IAsyncLifetime
{
    private readonly RadiusWorld _world = new();

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task AnAccept_ShowsEveryCheckPassed_AndAuthorizesReplyAttributes_NeverThePassword()
    {
        var (username, password) = await _world.MemberAsync(plan: "Flex");
        var memberId = await MemberIdAsync(username);

        var (status, text) = await ExplainAsync(memberId, "mitte-ap-1");
        var authorize = await (await _world.AuthorizeAsync(username, "mitte-ap-1")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain(password, text, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(text);
        var answer = body.RootElement;
        Assert.Equal("accept", answer.GetProperty("decision").GetString());
        Assert.Equal(username, answer.GetProperty("username").GetString());
        Assert.Equal("Europe/Berlin", answer.GetProperty("timeZone").GetString());
        Assert.All(answer.GetProperty("checks").EnumerateArray(), c => Assert.Equal("passed", c.GetProperty("result").GetString()));
        var reply = answer.GetProperty("reply").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        Assert.Equal("RADIUS-Request", reply["reply:Termination-Action"]);
        var authorizeNames = authorize.EnumerateObject().Select(p => p.Name).Where(n => !n.Contains("Password", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal);
        Assert.Equal(authorizeNames, reply.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(reply.Keys, k => k.Contains("Password", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ADenial_NamesTheFailingStep_AndLeavesTheLaterOnesUnchecked()
    {
        var (username, password) = await _world.MemberAsync(plan: "Flex");
        await _world.SuspendAsync(username);
        var memberId = await MemberIdAsync(username);

        var (status, text) = await ExplainAsync(memberId, "mitte-ap-1");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain(password, text, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(text);
        var answer = body.RootElement;
        Assert.Equal("reject", answer.GetProperty("decision").GetString());
        Assert.False(string.IsNullOrWhiteSpace(answer.GetProperty("replyMessage").GetString()));
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("reply").ValueKind);
        var checks = answer.GetProperty("checks").EnumerateArray().Select(c => (Name: c.GetProperty("check").GetString(), Result: c.GetProperty("result").GetString())).ToList();
        Assert.Equal([("account", "passed"), ("enabled", "failed")], checks.Take(2));
        Assert.All(checks.Skip(2), c => Assert.Equal("not checked", c.Result));
    }

    [Fact]
    public async Task AnUnknownAccessPoint_FailsTheAccessPointStep()
    {
        var (username, _) = await _world.MemberAsync(plan: "Flex");
        var memberId = await MemberIdAsync(username);

        var (_, text) = await ExplainAsync(memberId, "nowhere-ap-9");

        using var body = JsonDocument.Parse(text);
        var failed = Assert.Single(body.RootElement.GetProperty("checks").EnumerateArray(), c => c.GetProperty("result").GetString() == "failed");
        Assert.Equal("accessPoint", failed.GetProperty("check").GetString());
        Assert.Equal("reject", body.RootElement.GetProperty("decision").GetString());
    }

    private async Task<string> MemberIdAsync(string username) =>
        (await _world.App.Services.GetRequiredService<AccountStore>().GetAsync(username, CancellationToken.None))!.MemberId;

    private async Task<(HttpStatusCode Status, string Text)> ExplainAsync(string memberId, string nasIdentifier)
    {
        var response = await _world.App.Admin().PostAsJsonAsync($"/api/admin/connectors/{RadiusWorld.ConnectorId}/members/{memberId}/explain",
            new { nasIdentifier, at = RadiusWorld.MondayMorning.ToString("O", System.Globalization.CultureInfo.InvariantCulture) });
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
