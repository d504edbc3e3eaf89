using CoworkSync.Compare.Processes;

namespace CoworkSync.Compare.Services;

/// <summary>An Azurite of its own (from the repository's node_modules), in memory, on free loopback ports.</summary>
public sealed class Azurite(Started process, int blobPort, int queuePort, int tablePort)
{
    // Azurite's well-known development account and key (public, documented by Microsoft).
    public const string Account = "devstoreaccount1";
    public const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public Started Process { get; } = process;

    public int QueuePort { get; } = queuePort;

    public int TablePort { get; } = tablePort;

    public string ConnectionString => ConnectionStringFor(QueuePort, TablePort);

    /// <summary>The connection string with the queue and table endpoints on other ports (the counting proxy's).</summary>
    public string ConnectionStringFor(int queuePort, int tablePort) =>
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={Key};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/{Account};QueueEndpoint=http://127.0.0.1:{queuePort}/{Account};" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/{Account};";

    public static async Task<Azurite> StartAsync(string name, string repoRoot, string folder, bool inMemory)
    {
        int blob = Ports.FreeTcp(), queue = Ports.FreeTcp(), table = Ports.FreeTcp();
        Directory.CreateDirectory(folder);
        var arguments = new List<string>
        {
            Path.Combine(repoRoot, "node_modules", "azurite", "dist", "src", "azurite.js"),
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", $"{blob}", "--queuePort", $"{queue}", "--tablePort", $"{table}",
            "--skipApiVersionCheck", "--disableProductStyleUrl", "--disableTelemetry", "--silent",
        };
        arguments.AddRange(inMemory ? ["--inMemoryPersistence"] : ["--location", folder]);
        var process = Started.Start(name, "node", arguments, Path.Combine(folder, "azurite.log"));
        var azurite = new Azurite(process, blob, queue, table);
        await Readiness.WaitForLogAsync(process, "Azurite Table service is successfully listening", TimeSpan.FromSeconds(60));
        return azurite;
    }
}
