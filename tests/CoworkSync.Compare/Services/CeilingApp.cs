using CoworkSync.Compare.Processes;

namespace CoworkSync.Compare.Services;

/// <summary>The storage and intake ceilings (tests/CoworkSync.Ceilings) against one Azurite, on a free loopback port.</summary>
public sealed class CeilingApp(Started process, int port)
{
    public const string Password = "ceiling-password";
    public const string QueueName = "ceiling-events";

    public Started Process { get; } = process;

    public string Url => $"http://127.0.0.1:{port}";

    public static async Task<CeilingApp> StartAsync(string name, string dll, string folder, string storageConnectionString, string cycleKey)
    {
        var port = Ports.FreeTcp();
        var process = Started.Start(name, "dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"], Path.Combine(folder, "ceiling.log"),
            new Dictionary<string, string>
            {
                ["CEILING_STORAGE"] = storageConnectionString,
                ["CEILING_CYCLE_KEY"] = cycleKey,
                ["CEILING_PASSWORD"] = Password,
                ["CEILING_QUEUE"] = QueueName,
            });
        await Readiness.WaitForHttpAsync(process, $"http://127.0.0.1:{port}/api/health", TimeSpan.FromSeconds(60));
        return new CeilingApp(process, port);
    }
}
