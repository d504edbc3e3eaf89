using CoworkSync.Compare.Measure;
using CoworkSync.Compare.Seed;
using CoworkSync.Compare.Services;

namespace CoworkSync.Compare;

/// <summary>
/// One CoworkSync as operators run it locally (and a second instance of it serving HTTP only, as Flex Consumption
/// deploys it), with its own Azurite, its ceilings against that Azurite, and a
/// FreeRADIUS (infra/radius) in front of each: the small world holds the bench members only, the large one many more
/// rows. Ceilings read the same rows CoworkSync does.
/// </summary>
public sealed class World
{
    private World(string name, string folder, Azurite azurite, CoworkSyncApp app, HttpInstance httpInstance, CeilingApp ceiling, FreeRadius radiusToApp, FreeRadius radiusToCeiling)
    {
        HttpInstance = httpInstance;
        Name = name;
        Folder = folder;
        Azurite = azurite;
        App = app;
        Ceiling = ceiling;
        RadiusToApp = radiusToApp;
        RadiusToCeiling = radiusToCeiling;
        Admin = new AdminApi(app.Url, CoworkSyncApp.FunctionKey);
    }

    public string Name { get; }

    public string Folder { get; }

    public Azurite Azurite { get; }

    public CoworkSyncApp App { get; }

    /// <summary>A second instance of the same CoworkSync that only serves HTTP, as Flex Consumption deploys it.</summary>
    public HttpInstance HttpInstance { get; }

    public CeilingApp Ceiling { get; }

    public FreeRadius RadiusToApp { get; }

    public FreeRadius RadiusToCeiling { get; }

    public AdminApi Admin { get; }

    /// <summary>The bench members' user names and passwords (from their welcome emails), in member order.</summary>
    public IReadOnlyList<(string Username, string Password)> BenchLogins { get; set; } = [];

    public Metered AppCpu => new("app", () => App.Process);

    public Metered HttpInstanceCpu => new("app", () => HttpInstance.App.Process);

    public Metered AzuriteCpu => new("azurite", () => Azurite.Process);

    public Metered CeilingCpu => new("ceiling", () => Ceiling.Process);

    public Metered RadiusToAppCpu => new("freeradius", () => RadiusToApp.Process);

    public Metered RadiusToCeilingCpu => new("freeradius", () => RadiusToCeiling.Process);

    public static async Task<World> StartAsync(string name, CompareOptions options, string cycleKey)
    {
        var folder = Path.Combine(options.WorkFolder, name);
        var azurite = await Azurite.StartAsync($"Azurite ({name})", options.RepoRoot, Path.Combine(folder, "azurite"), inMemory: !options.AzuriteOnDisk);
        var appTask = CoworkSyncApp.StartAsync($"CoworkSync ({name})", options.FunctionsDll, Path.Combine(folder, "app"), azurite.ConnectionString);
        var ceilingTask = CeilingApp.StartAsync($"ceiling ({name})", options.CeilingsDll, folder, azurite.ConnectionString, cycleKey);
        var (app, ceiling) = (await appTask, await ceilingTask);
        // After the first instance, so that the two do not both create the function key and the data-protection keys.
        var httpInstance = await HttpInstance.StartAsync(name, options.FunctionsDll, Path.Combine(folder, "app"), azurite);
        var radiusToApp = await FreeRadius.StartAsync($"FreeRADIUS → CoworkSync ({name})", options.RepoRoot, Path.Combine(folder, "radius-app"), app.Url, CoworkSyncApp.FunctionKey);
        var radiusToCeiling = await FreeRadius.StartAsync($"FreeRADIUS → ceiling ({name})", options.RepoRoot, Path.Combine(folder, "radius-ceiling"), ceiling.Url, "unused");
        return new World(name, folder, azurite, app, httpInstance, ceiling, radiusToApp, radiusToCeiling);
    }

    /// <summary>Connects the bench space and syncs its members in; waits for their welcome emails and reads the passwords.</summary>
    public async Task SeedBenchAsync(CoworksSpace coworks, CompareOptions options)
    {
        await BenchConnector.CreateGroupAsync(Admin);
        await BenchConnector.ConnectAsync(Admin, BenchSpace.Bench, coworks.Url);
        var sync = await SyncRun.RunAsync(Admin, BenchSpace.Bench.ConnectorId, options.SyncTimeout);
        if (sync.Created + sync.Unchanged != options.BenchMembers)
            throw new InvalidOperationException($"The bench sync in {Name} did not bring the {options.BenchMembers} members in: {sync.Describe()}");
        var passwords = await WelcomePasswords.ReadAsync(App.Outbox, options.BenchMembers, options.SyncTimeout);
        BenchLogins = [.. Enumerable.Range(0, options.BenchMembers).Select(i => BenchSpace.Bench.Username(i)).Select(u =>
            (u, passwords.TryGetValue(u, out var password) ? password : throw new InvalidOperationException($"No welcome email for {u} in {App.Outbox}.")))];
    }
}
