using System.Globalization;

namespace CoworkSync.Compare.Services;

/// <summary>
/// CoworkSync as Flex Consumption runs it: the HTTP functions on instances of their own, and ProcessEvent scaled on
/// other instances (per-function scaling). Here the HTTP instance is one with ProcessEvent, IngestDeadLetter and the
/// timers turned off by their <c>AzureWebJobs.{Name}.Disabled</c> settings, sending to a queue of its own, beside the
/// world's CoworkSync, whose Azurite and folder it shares (secrets and keys, as instances share a Key Vault).
/// </summary>
public sealed class HttpInstance
{
    public const string QueueName = "events-http";

    private static readonly string[] Disabled = ["ProcessEvent", "IngestDeadLetter", "PollCoworks", "PollCobot", "PurgeProcessedEvents"];

    private readonly string _name;
    private readonly Azurite _azurite;

    private HttpInstance(string name, Azurite azurite, CoworkSyncApp app)
    {
        _name = name;
        _azurite = azurite;
        App = app;
    }

    public CoworkSyncApp App { get; }

    public static async Task<HttpInstance> StartAsync(string name, string dll, string folder, Azurite azurite)
    {
        var settings = new Dictionary<string, string> { ["EventsQueueName"] = QueueName };
        foreach (var function in Disabled)
            settings[$"AzureWebJobs.{function}.Disabled"] = "true";
        var app = await CoworkSyncApp.StartAsync($"CoworkSync HTTP instance ({name})", dll, folder, azurite.ConnectionString, settings, "coworksync-http.log");
        return new HttpInstance(name, azurite, app);
    }

    /// <summary>
    /// After a run: checks that the HTTP instance's queue holds one message per webhook it answered 202 (each accepted
    /// event enqueued, none lost), then empties it; says how it went. A run ends with up to
    /// <paramref name="connections"/> requests in flight, which may be enqueued without their 202 being counted.
    /// </summary>
    public async Task<string> CheckAndClearAsync(long accepted, int connections)
    {
        await Task.Delay(TimeSpan.FromSeconds(1)); // the requests still in flight when the load stopped
        var queued = await EventsQueue.CountAsync(_azurite, QueueName);
        await EventsQueue.ClearAsync(_azurite, QueueName);
        var consistent = queued >= accepted && queued <= accepted + connections;
        return string.Create(CultureInfo.InvariantCulture,
            $"{_name}: {accepted} accepted (202), {queued} queued{(consistent ? "" : " — NOT one message per 202")}");
    }
}
