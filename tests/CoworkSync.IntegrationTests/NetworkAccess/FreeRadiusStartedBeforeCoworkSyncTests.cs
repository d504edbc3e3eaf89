using System.Diagnostics;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support;

namespace CoworkSync.IntegrationTests.NetworkAccess;

/// <summary>
/// FreeRADIUS (infra/radius) started while CoworkSync is down, as after a power cut where the RADIUS server boots first:
/// the rest module's connection pool starts empty (<c>start = 0</c>), so FreeRADIUS starts anyway, rejects, and accepts
/// once CoworkSync answers, without being restarted.
/// </summary>
public sealed class FreeRadiusStartedBeforeCoworkSyncTests : IAsyncLifetime
{
    private readonly RadiusWorld _world = new(maxSessionTimeoutSeconds: 3600, onLoopback: true);
    private FreeRadiusServer? _radius;

    public Task InitializeAsync() => _world.InitializeAsync();

    [Fact]
    public async Task StartsWhileCoworkSyncIsDown_Rejects_ThenAcceptsOnceCoworkSyncIsUp()
    {
        var (username, password) = await _world.MemberAsync("Full-time");
        await _world.StopAppAsync();

        _radius = await FreeRadiusServer.StartAsync(_world.BaseUrl, LocalFunctionApp.FunctionKey);
        var radclient = new RadClient(_radius.Endpoint);
        var request = new RadiusAccessRequest(username, password) { NasIdentifier = FreeRadiusInFront.MitteAccessPoint };

        AssertCode(RadiusCode.AccessReject, await radclient.AuthenticateAsync(request));

        await _world.StartAppAgainAsync();
        var stopwatch = Stopwatch.StartNew();
        RadiusReply reply;
        do
        {
            reply = await radclient.AuthenticateAsync(request);
        }
        while (reply.Code != RadiusCode.AccessAccept && stopwatch.Elapsed < Eventually.DefaultLimit);
        AssertCode(RadiusCode.AccessAccept, reply);
        Assert.True(_radius.IsRunning);
    }

    public async Task DisposeAsync()
    {
        if (_radius is not null)
            await _radius.DisposeAsync();
        await _world.DisposeAsync();
    }

    private void AssertCode(RadiusCode expected, RadiusReply reply) =>
        Assert.True(reply.Code == expected, $"Expected {expected}, got {reply}{Environment.NewLine}{_radius?.RecentOutput()}");
}
