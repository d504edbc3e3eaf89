using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoworkSync.IntegrationTests.Support;

namespace CoworkSync.IntegrationTests.NetworkAccess;

/// <summary>What CoworkSync logs while it answers FreeRADIUS: every line of every category and level is checked.</summary>
public sealed class RadiusLogTests : IAsyncLifetime
{
    private readonly LogCollector _logs = new();
    private readonly RadiusWorld _world;

    public RadiusLogTests() => _world = new RadiusWorld(services: _logs.AddTo);

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task AnAcceptedAuthorize_LogsNoPassword()
    {
        var (username, password) = await _world.MemberAsync("Full-time");

        var response = await _world.AuthorizeAsync(username);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(password, reply.GetProperty("control:Cleartext-Password").GetProperty("value")[0].GetString());
        var lines = _logs.Lines;
        Assert.Contains(lines, line => line.Contains($"RADIUS authorize of {username}: 200", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("Microsoft.AspNetCore.Hosting", StringComparison.Ordinal) && line.Contains("/api/radius/authorize", StringComparison.Ordinal));
        Assert.All(lines, line => Assert.DoesNotContain(password, line, StringComparison.Ordinal));
    }
}
