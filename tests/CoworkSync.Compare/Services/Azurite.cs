using CoworkSync.Compare.Processes;

namespace CoworkSync.Compare.Services;

/// <summary>
/// An Azurite of its own (from the repository's node_modules) on free loopback ports: its table service in memory, its
/// queue service in a folder, as two Node processes under one shell, so the CPU of both counts as Azurite's.
/// </summary>
/// <remarks>
/// The queue service is not kept in memory because in memory every message's text is an extent of its own, and
/// Azurite's queue garbage collector (every minute) deletes unreferenced extents one at a time, re-sorting the whole
/// extent index for each (a CPU profile of a stalled Azurite: 98 % under <c>MemoryExtentStore.deleteExtents</c> →
/// LokiJS <c>ensureAllIndexes</c>). After the tens of thousands of messages of the intake runs it answered nothing
/// for minutes. On disk, messages share extent files, so there are few to collect. The tables stay in memory: on
/// disk Azurite would save the large world's 278,000 rows again every few seconds.
/// </remarks>
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

    /// <param name="name">The process's name in logs and errors.</param>
    /// <param name="repoRoot">Where node_modules is.</param>
    /// <param name="folder">The queue service's data, and the log.</param>
    /// <param name="inMemory">Tables in memory (the default); false keeps them in <paramref name="folder"/> too.</param>
    public static async Task<Azurite> StartAsync(string name, string repoRoot, string folder, bool inMemory)
    {
        int blob = Ports.FreeTcp(), queue = Ports.FreeTcp(), table = Ports.FreeTcp();
        var queueFolder = Path.Combine(folder, "queue");
        var tableFolder = Path.Combine(folder, "table");
        Directory.CreateDirectory(queueFolder);
        Directory.CreateDirectory(tableFolder);
        var services = Path.Combine(repoRoot, "node_modules", "azurite", "dist", "src");
        const string common = "--skipApiVersionCheck --disableProductStyleUrl --disableTelemetry --silent";
        var script = string.Join(Environment.NewLine,
            "trap 'kill $(jobs -p) 2>/dev/null' TERM INT EXIT",
            $"node '{services}/queue/main.js' --queueHost 127.0.0.1 --queuePort {queue} --location '{queueFolder}' {common} &",
            $"node '{services}/table/main.js' --tableHost 127.0.0.1 --tablePort {table} {(inMemory ? "--inMemoryPersistence" : $"--location '{tableFolder}'")} {common} &",
            "wait");
        var process = Started.Start(name, "bash", ["-c", script], Path.Combine(folder, "azurite.log"));
        var azurite = new Azurite(process, blob, queue, table);
        await Readiness.WaitForLogAsync(process, "Azurite Queue service successfully listens", TimeSpan.FromSeconds(60));
        await Readiness.WaitForLogAsync(process, "Azurite Table service successfully started", TimeSpan.FromSeconds(60));
        return azurite;
    }
}
