using System.Globalization;

namespace CoworkSync.Simulators.Demo;

/// <summary>
/// The demo command's arguments (scripts/start.sh passes them):
/// <c>demo --app-url URL --data-dir DIR [--port N] [--connector ID] [--radius-port N --radius-secret-file FILE]
/// [--radius-missing REASON] [--setup-timeout SECONDS]</c>.
/// </summary>
public sealed record DemoOptions
{
    public const int DefaultPort = 7072;

    /// <summary>CoworkSync's base URL, e.g. <c>http://127.0.0.1:7071</c>.</summary>
    public required Uri AppUrl { get; init; }

    /// <summary>CoworkSync's local data folder (<c>LocalData__Path</c>): the key is in <c>function-key</c>, emails in <c>mail/</c>.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The loopback port the demo space listens on.</summary>
    public int Port { get; init; } = DefaultPort;

    public string ConnectorId { get; init; } = "demo";

    /// <summary>The UDP auth port of the demo FreeRADIUS on 127.0.0.1, when one runs.</summary>
    public int? RadiusPort { get; init; }

    /// <summary>The file holding the demo FreeRADIUS's client secret for 127.0.0.1.</summary>
    public string? RadiusSecretFile { get; init; }

    /// <summary>Why no FreeRADIUS runs (printed instead of the radclient lines).</summary>
    public string? RadiusMissing { get; init; }

    public TimeSpan SetupTimeout { get; init; } = TimeSpan.FromSeconds(120);

    public string StateDirectory => Path.Combine(DataDirectory, "demo");

    public string Outbox => Path.Combine(DataDirectory, "mail");

    public string FunctionKeyFile => Path.Combine(DataDirectory, "function-key");

    /// <exception cref="ArgumentException">An argument is unknown, lacks its value, or a required one is missing.</exception>
    public static DemoOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
                throw new ArgumentException($"Expected '--name value' pairs, got '{name}'.");
            values[name[2..]] = args[++i];
        }

        string? Take(string name) => values.Remove(name, out var value) ? value : null;
        int? Number(string name) => Take(name) is { } text ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : null;

        var options = new DemoOptions
        {
            AppUrl = new Uri(Take("app-url") ?? throw new ArgumentException("--app-url is required.")),
            DataDirectory = Path.GetFullPath(Take("data-dir") ?? throw new ArgumentException("--data-dir is required.")),
            Port = Number("port") ?? DefaultPort,
            ConnectorId = Take("connector") ?? "demo",
            RadiusPort = Number("radius-port"),
            RadiusSecretFile = Take("radius-secret-file") is { } secretFile ? Path.GetFullPath(secretFile) : null,
            RadiusMissing = Take("radius-missing"),
            SetupTimeout = TimeSpan.FromSeconds(Number("setup-timeout") ?? 120),
        };
        if (values.Count > 0)
            throw new ArgumentException($"Unknown argument(s): {string.Join(", ", values.Keys.Select(k => "--" + k))}.");
        if ((options.RadiusPort is null) != (options.RadiusSecretFile is null))
            throw new ArgumentException("--radius-port and --radius-secret-file go together.");
        return options;
    }
}
