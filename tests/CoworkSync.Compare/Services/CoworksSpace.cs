using CoworkSync.Compare.Processes;

namespace CoworkSync.Compare.Services;

/// <summary>
/// The Coworks simulator (tests/CoworkSync.Simulators, command <c>space</c>) serving spaces of generated members.
/// Restart it with other member counts: the members it had come back unchanged.
/// </summary>
public sealed class CoworksSpace
{
    public const string ApiKey = "bench-coworks-api-key";

    private readonly string _dll;
    private readonly string _folder;
    private int _starts;

    private CoworksSpace(string dll, string folder, int port)
    {
        _dll = dll;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/";

    public Started Process { get; private set; } = null!;

    /// <param name="spaces">Space id → (member id prefix, member count).</param>
    public static async Task<CoworksSpace> StartAsync(string dll, string folder, IReadOnlyDictionary<string, (string Prefix, int Count)> spaces)
    {
        var space = new CoworksSpace(dll, folder, Ports.FreeTcp());
        await space.RunAsync(spaces);
        return space;
    }

    public async Task RestartAsync(IReadOnlyDictionary<string, (string Prefix, int Count)> spaces)
    {
        await Process.StopAsync();
        await RunAsync(spaces);
    }

    private async Task RunAsync(IReadOnlyDictionary<string, (string Prefix, int Count)> spaces)
    {
        var arguments = new List<string> { _dll, "space", "--port", $"{Port}", "--api-key", ApiKey };
        foreach (var (id, (prefix, count)) in spaces)
            arguments.AddRange(["--space", $"{id}:{prefix}:{count}"]);
        _starts++;
        Process = Started.Start("Coworks simulator", "dotnet", arguments, Path.Combine(_folder, $"coworks-simulator-{_starts}.log"));
        await Readiness.WaitForLogAsync(Process, "Coworks simulator ready:", TimeSpan.FromSeconds(60));
    }
}
