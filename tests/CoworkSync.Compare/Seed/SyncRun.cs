using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CoworkSync.Compare.Services;

namespace CoworkSync.Compare.Seed;

/// <summary>One sync run, as the admin API reports it.</summary>
/// <param name="Duration">From queued to ended, by CoworkSync's own clock (what an operator waits for after the POST).</param>
public sealed record SyncResult(string State, TimeSpan Duration, int Seen, int Created, int Unchanged, int Updated)
{
    public string Describe() => $"{State}: seen {Seen}, created {Created}, updated {Updated}, unchanged {Unchanged}, {Duration.TotalSeconds:0.0} s";
}

/// <summary>Starts a sync through the admin API and follows it to its end.</summary>
public static class SyncRun
{
    /// <summary>Starts a sync (<c>POST …/sync</c>) and waits for its run to end.</summary>
    public static async Task<SyncResult> RunAsync(AdminApi admin, string connectorId, TimeSpan timeout)
    {
        var queued = await admin.PostAsync($"/api/admin/connectors/{connectorId}/sync");
        var runId = queued.GetProperty("runId").GetString();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await Task.Delay(250);
            var runs = await admin.GetAsync($"/api/admin/connectors/{connectorId}/sync-runs?max=5");
            var run = runs.GetProperty("items").EnumerateArray().FirstOrDefault(r => r.GetProperty("runId").GetString() == runId);
            if (run.ValueKind == JsonValueKind.Object && run.GetProperty("endedAt").ValueKind == JsonValueKind.String)
                return From(run);
            if (clock.Elapsed > timeout)
                throw new TimeoutException($"The sync of {connectorId} did not end within {timeout.TotalSeconds:0} s.");
        }
    }

    private static SyncResult From(JsonElement run)
    {
        var counts = run.GetProperty("counts");
        int Count(string name) => counts.GetProperty(name).GetInt32();
        DateTimeOffset At(string name) => DateTimeOffset.Parse(run.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);
        return new SyncResult(run.GetProperty("state").GetString()!, At("endedAt") - At("queuedAt"),
            Count("seen"), Count("created"), Count("unchanged"), Count("updated"));
    }
}
