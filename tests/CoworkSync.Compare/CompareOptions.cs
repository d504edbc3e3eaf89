using System.Globalization;

namespace CoworkSync.Compare;

/// <summary>
/// How much the comparison does: the full run (the default) or <c>--quick</c>. Every size and duration is here, so the
/// bound on the run's time follows from this file (docs/benchmarks.md gives it).
/// </summary>
public sealed record CompareOptions
{
    public required string RepoRoot { get; init; }

    /// <summary>Where the run keeps its processes' folders and logs (deleted at the start of a run).</summary>
    public required string WorkFolder { get; init; }

    /// <summary>The extracted deployment package (scripts/package.sh), for the cold start.</summary>
    public required string PackageFolder { get; init; }

    /// <summary>The empty app, published like the package (self-contained linux-x64).</summary>
    public required string EmptyAppFolder { get; init; }

    /// <summary>Where the plot goes (PNG).</summary>
    public required string PlotFile { get; init; }

    public bool Quick { get; init; }

    /// <summary>Azurite keeps its tables on disk too (LokiJS saves them every few seconds), not only its queues.</summary>
    public bool AzuriteOnDisk { get; init; }

    public int Rounds => Quick ? 1 : 3;

    public TimeSpan RunTime => TimeSpan.FromSeconds(Quick ? 3 : 5);

    /// <summary>Members with passwords (welcome emails) that every load uses, in each world.</summary>
    public int BenchMembers => 1000;

    /// <summary>Members re-authorizing in the repeated-rounds load.</summary>
    public int RepeatedMembers => 200;

    /// <summary>Members, accounts and processed events in the large world.</summary>
    public int LargeRows => Quick ? 10_000 : 100_000;

    public int SyncFirstMembers => Quick ? 500 : 5_000;

    public int SyncUnchangedMembers => Quick ? 1_000 : 10_000;

    public int LatencySamples => Quick ? 20 : 100;

    public int BurstSize => 200;

    public int ColdStarts => Quick ? 3 : 5;

    /// <summary>Requests in the warm-up run of each radclient trial (which also sizes the later runs).</summary>
    public int WarmUpRequests => Quick ? 1000 : 2000;

    public int RadclientParallel => 50;

    public int WrkConnections => 32;

    public IReadOnlyList<int> SweepConcurrencies => Quick ? [1, 8, 50] : [1, 4, 16, 50, 128];

    public TimeSpan SweepRunTime => TimeSpan.FromSeconds(Quick ? 1.5 : 3);

    /// <summary>How long a sync may take before the run gives up on it.</summary>
    public TimeSpan SyncTimeout => TimeSpan.FromMinutes(Quick ? 3 : 6);

    public string FunctionsDll => Path.Combine(RepoRoot, "functions", "bin", "Release", "net10.0", "CoworkSync.Functions.dll");

    public string SimulatorsDll => Path.Combine(RepoRoot, "tests", "CoworkSync.Simulators", "bin", "Release", "net10.0", "CoworkSync.Simulators.dll");

    public string CeilingsDll => Path.Combine(RepoRoot, "tests", "CoworkSync.Ceilings", "bin", "Release", "net10.0", "CoworkSync.Ceilings.dll");

    public string Label(int count) => count >= 1000 && count % 1000 == 0
        ? (count / 1000).ToString(CultureInfo.InvariantCulture) + "k"
        : count.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>--repo DIR --work DIR --package DIR --empty-app DIR --plot FILE [--quick] [--azurite-on-disk]</c>.</summary>
    public static CompareOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "--quick" or "--azurite-on-disk")
                flags.Add(args[i]);
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Count)
                values[args[i]] = args[++i];
            else
                throw new ArgumentException($"Unknown argument '{args[i]}'.");
        }
        string Required(string name) => values.TryGetValue(name, out var value) ? Path.GetFullPath(value) : throw new ArgumentException($"{name} is required.");
        return new CompareOptions
        {
            RepoRoot = Required("--repo"),
            WorkFolder = Required("--work"),
            PackageFolder = Required("--package"),
            EmptyAppFolder = Required("--empty-app"),
            PlotFile = Required("--plot"),
            Quick = flags.Contains("--quick"),
            AzuriteOnDisk = flags.Contains("--azurite-on-disk"),
        };
    }
}
