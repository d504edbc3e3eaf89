using System.Net.Http.Json;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support;

namespace CoworkSync.IntegrationTests.NetworkAccess;

/// <summary>
/// A real FreeRADIUS running infra/radius in front of CoworkSync on a loopback socket, with the deployment's default
/// one-hour session maximum and the <c>dedicated</c> group on VLAN 42. Shared by a test class; each test resets the clock.
/// </summary>
public sealed class FreeRadiusInFront : IAsyncLifetime
{
    public const string MitteAccessPoint = "mitte-ap-1";
    public const string Vlan = "42";

    public RadiusWorld World { get; } = new(maxSessionTimeoutSeconds: 3600, onLoopback: true);

    public FreeRadiusServer Radius { get; private set; } = null!;

    public RadClient RadClient { get; private set; } = null!;

    public EapolTest Eapol { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await World.InitializeAsync();
        var put = await World.App.Admin().PutAsJsonAsync("/api/admin/access-groups/dedicated", new
        {
            displayName = "Dedicated",
            vlanId = int.Parse(Vlan, System.Globalization.CultureInfo.InvariantCulture),
            bandwidthDownKbps = 100_000,
            bandwidthUpKbps = 100_000,
            maxConcurrentSessions = 5,
            priority = 30,
        });
        put.EnsureSuccessStatusCode();
        Radius = await FreeRadiusServer.StartAsync(World.BaseUrl, LocalFunctionApp.FunctionKey);
        RadClient = new RadClient(Radius.Endpoint);
        Eapol = new EapolTest(Radius.Endpoint);
    }

    public async Task DisposeAsync()
    {
        if (Radius is not null)
            await Radius.DisposeAsync();
        await World.DisposeAsync();
    }
}
