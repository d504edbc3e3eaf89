using CoworkSync.Compare.Processes;

namespace CoworkSync.Compare.Services;

/// <summary>
/// CoworkSync in local mode, as <c>scripts/start.sh</c> runs it (<c>dotnet CoworkSync.Functions.dll</c>, Release build,
/// default settings and logging), on a free loopback port, against an Azurite: its state, function key and welcome
/// emails (<c>.eml</c> files) in a folder of its own. Restart it to put the counting proxy between it and Azurite.
/// </summary>
public sealed class CoworkSyncApp
{
    public const string FunctionKey = "bench-function-key-0123456789";

    private readonly string _dll;
    private readonly string _folder;
    private readonly string _name;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly string _logFile;

    private CoworkSyncApp(string name, string dll, string folder, int port, IReadOnlyDictionary<string, string> settings, string logFile)
    {
        _name = name;
        _dll = dll;
        _folder = folder;
        _settings = settings;
        _logFile = logFile;
        Port = port;
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public string Outbox => Path.Combine(_folder, "mail");

    public Started Process { get; private set; } = null!;

    /// <summary>
    /// Starts one. Another instance of the same deployment shares <paramref name="folder"/> (its secrets and keys, as
    /// instances share a Key Vault) with <paramref name="settings"/> of its own and its own <paramref name="logFile"/>.
    /// </summary>
    public static async Task<CoworkSyncApp> StartAsync(string name, string dll, string folder, string storageConnectionString,
        IReadOnlyDictionary<string, string>? settings = null, string logFile = "coworksync.log")
    {
        var app = new CoworkSyncApp(name, dll, folder, Ports.FreeTcp(), settings ?? new Dictionary<string, string>(), logFile);
        await app.RunAsync(storageConnectionString);
        return app;
    }

    /// <summary>Stops the app and starts it again on the same port, against <paramref name="storageConnectionString"/>.</summary>
    public async Task RestartAsync(string storageConnectionString)
    {
        await Process.StopAsync(TimeSpan.FromSeconds(15));
        await RunAsync(storageConnectionString);
    }

    private async Task RunAsync(string storageConnectionString)
    {
        Directory.CreateDirectory(_folder);
        var environment = new Dictionary<string, string>
        {
            ["LocalData__Path"] = _folder,
            ["Storage__ConnectionString"] = storageConnectionString,
            ["LocalMode__FunctionKey"] = FunctionKey,
            ["Email__OutboxPath"] = Outbox,
            // Local state only, whatever the machine's environment says (as the demo does).
            ["Email__SmtpHost"] = "",
            ["KeyVault__VaultUri"] = "",
            ["ServiceBusConnection__fullyQualifiedNamespace"] = "",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        foreach (var (key, value) in _settings)
            environment[key] = value;
        Process = Started.Start(_name, "dotnet", [_dll, "--urls", Url], Path.Combine(_folder, _logFile), environment, _folder);
        await Readiness.WaitForHttpAsync(Process, Url + "/api/health", TimeSpan.FromSeconds(90));
    }
}
