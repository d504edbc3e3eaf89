using System.Diagnostics;
using System.Globalization;

namespace CoworkSync.Compare.Services;

/// <summary>
/// CoworkSync as Flex Consumption runs it: the HTTP functions on instances of their own, and ProcessEvent scaled on
/// other instances (per-function scaling). Here the HTTP instance is one with ProcessEvent, IngestDeadLetter and the
/// timers turned off by their <c>AzureWebJobs.{Name}.Disabled</c> settings, sending to a queue of its own. This machine
/// has no other instances, so a processing instance started after each measured run applies what it accepted, and is
/// stopped again; both share the world's Azurite and folder (secrets and keys, as instances share a Key Vault).
/// </summary>
public sealed class HttpInstance
{
    public const string QueueName = "events-http";

    private static readonly string[] Timers = ["PollCoworks", "PollCobot", "PurgeProcessedEvents"];

    private readonly string _name;
    private readonly string _dll;
    private readonly string _folder;
    private readonly Azurite _azurite;

    private HttpInstance(string name, string dll, string folder, Azurite azurite, CoworkSyncApp app)
    {
        _name = name;
        _dll = dll;
        _folder = folder;
        _azurite = azurite;
        App = app;
    }

    public CoworkSyncApp App { get; }

    public static async Task<HttpInstance> StartAsync(string name, string dll, string folder, Azurite azurite)
    {
        var settings = Settings(processEvents: false);
        var app = await CoworkSyncApp.StartAsync($"CoworkSync HTTP instance ({name})", dll, folder, azurite.ConnectionString, settings, "coworksync-http.log");
        return new HttpInstance(name, dll, folder, azurite, app);
    }

    /// <summary>
    /// Starts a processing instance, waits until it has applied every event the HTTP instance queued (or
    /// <paramref name="timeout"/> passes), stops it, and says how it went.
    /// </summary>
    public async Task<string> ApplyAcceptedAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var processing = await CoworkSyncApp.StartAsync($"CoworkSync processing instance ({_name})", _dll, _folder, _azurite.ConnectionString,
            Settings(processEvents: true), "coworksync-processing.log");
        try
        {
            var (_, drained) = await EventsQueue.WaitUntilEmptyAsync(_azurite, timeout, QueueName);
            var deadLettered = await EventsQueue.CountAsync(_azurite, QueueName + "-deadletter");
            return string.Create(CultureInfo.InvariantCulture,
                $"{_name}: {(drained ? "applied" : "NOT applied")} in {clock.Elapsed.TotalSeconds:0} s with the processing instance's start, {deadLettered} dead-lettered");
        }
        finally
        {
            await processing.Process.StopAsync(TimeSpan.FromSeconds(15));
        }
    }

    private static Dictionary<string, string> Settings(bool processEvents)
    {
        var settings = new Dictionary<string, string> { ["EventsQueueName"] = QueueName };
        foreach (var timer in Timers)
            settings[$"AzureWebJobs.{timer}.Disabled"] = "true";
        if (!processEvents)
        {
            settings["AzureWebJobs.ProcessEvent.Disabled"] = "true";
            settings["AzureWebJobs.IngestDeadLetter.Disabled"] = "true";
        }
        return settings;
    }
}
