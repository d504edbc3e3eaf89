using CoworkSync.Compare.Measure;
using CoworkSync.Compare.Report;
using CoworkSync.Compare.Services;

namespace CoworkSync.Compare;

/// <summary>Everything a comparison runs against: the two worlds, the zero-work ceiling, the Coworks simulator, the table.</summary>
public sealed record Bench(CompareOptions Options, World Small, World Large, Nginx Nginx, FreeRadius RadiusToNginx, CoworksSpace Coworks, Table Table, string CycleKey)
{
    /// <summary>Scratch space for request files.</summary>
    public string Scratch => Path.Combine(Options.WorkFolder, "requests");

    public Metered NginxCpu => new("nginx", () => Nginx.Process);

    public Metered RadiusToNginxCpu => new("freeradius", () => RadiusToNginx.Process);

    public string SmallLabel => Options.Label(Options.BenchMembers);

    public string LargeLabel => Options.Label(Options.LargeRows);

    /// <summary>How long the sync of the unchanged members took (CoworkSync's own clock), for the table.</summary>
    public TimeSpan? UnchangedSync { get; set; }
}
