using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using CoworkSync.IntegrationTests.Reliability.Harness;
using CoworkSync.Platforms.Coworks;
using CoworkSync.Simulators.Coworks;

namespace CoworkSync.IntegrationTests.Reliability.Soak;

/// <summary>One minute of the soak: the ledger, the errors and the app's memory at its end.</summary>
public sealed record SoakMinute(int Minute, int Accepted, int Applied, int DeadLettered, int Pending, int AppliedTwice,
    int Webhooks, int Authorizations, int AccountingRequests, int Syncs, int ServerErrors, int Refused, int SyncsFailed, double RssMiB)
{
    public string Line => $"minute {Minute}: ledger accepted {Accepted} = applied {Applied} + dead-lettered {DeadLettered} + pending {Pending}, " +
        $"applied twice {AppliedTwice}; requests: webhooks {Webhooks}, authorize {Authorizations}, accounting {AccountingRequests}, syncs {Syncs}; " +
        $"errors: 5xx {ServerErrors}, refused (expected 401s) {Refused}, syncs failed {SyncsFailed}; app memory {RssMiB.ToString("0.0", CultureInfo.InvariantCulture)} MiB";

    public string Csv => string.Join(",", Minute, Accepted, Applied, DeadLettered, Pending, AppliedTwice, Webhooks, Authorizations, AccountingRequests, Syncs,
        ServerErrors, Refused, SyncsFailed, RssMiB.ToString("0.0", CultureInfo.InvariantCulture));

    public const string CsvHeader = "minute,accepted,applied,dead_lettered,pending,applied_twice,webhooks,authorize,accounting,syncs,server_errors,refused,syncs_failed,rss_mib";
}

/// <summary>
/// The soak: CoworkSync as a separate process (local mode, real Azurite, the Coworks simulator) taking, on loopback and
/// at a bounded rate, a mix of signed webhooks (and a few badly signed ones), a sync a minute, RADIUS authorizations and
/// accounting through the rlm_rest endpoints; every minute it prints the ledger, the error counts and the app's resident
/// memory. It stops by itself after the given minutes, then waits for the queue to drain and checks the books.
/// </summary>
public sealed class SoakRun(AppProcess app, CoworksSpaceOfApp space, TableServiceClient tables, Action<string> print)
{
    private const int Members = 150;
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly Random _random = new(1616);
    private readonly Dictionary<string, SimulatedMember> _members = new(StringComparer.Ordinal);
    private int _eventNumber;

    public List<SoakMinute> Minutes { get; } = [];

    public async Task<Books> RunAsync(TimeSpan duration, CancellationToken cancellationToken = default)
    {
        for (var m = 0; m < Members; m++)
        {
            var member = SimulatedMember.Active($"mem_soak_{m:D3}", "pln_flex", "Flex") with { Email = $"soak.{m:D3}@example.com", UpdatedAt = DateTimeOffset.UtcNow.AddDays(-1) };
            _members[member.Id] = member;
            space.Simulator.Space(CoworksSpaceOfApp.SpaceId).AddMembers(member);
        }
        using var webhookClient = app.Client();
        using var keyed = app.Client(withKey: true);
        var clock = Stopwatch.StartNew();
        var minute = 0;
        var nextMinute = TimeSpan.FromMinutes(1);
        while (clock.Elapsed < duration && !cancellationToken.IsCancellationRequested)
        {
            // One second of load: 4 webhooks (one in ten badly signed), 8 authorizations, 4 accounting reports.
            var second = Stopwatch.StartNew();
            var work = new List<Task>();
            for (var i = 0; i < 4; i++)
                work.Add(WebhookAsync(webhookClient));
            for (var i = 0; i < 8; i++)
                work.Add(AuthorizeAsync(keyed));
            for (var i = 0; i < 4; i++)
                work.Add(AccountingAsync(keyed));
            if (clock.Elapsed >= nextMinute - TimeSpan.FromSeconds(30) && Count("syncs") < minute + 1)
                work.Add(SyncAsync(keyed));
            await Task.WhenAll(work);
            var rest = TimeSpan.FromSeconds(1) - second.Elapsed;
            if (rest > TimeSpan.Zero)
                await Task.Delay(rest, cancellationToken);
            if (clock.Elapsed >= nextMinute)
            {
                minute++;
                nextMinute += TimeSpan.FromMinutes(1);
                await ReportAsync(minute);
            }
        }

        print("Load stopped; waiting for the queue to drain.");
        Books books = await Books.ReadAsync(tables, space.ConnectorId, space.Accepted, app.LogLines);
        var drain = Stopwatch.StartNew();
        while (!books.Balance && drain.Elapsed < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            books = await Books.ReadAsync(tables, space.ConnectorId, space.Accepted, app.LogLines);
        }
        await ReportAsync(minute + 1);
        return books;
    }

    private int Count(string name) => _counts.GetValueOrDefault(name);

    private void Add(string name) => _counts.AddOrUpdate(name, 1, (_, n) => n + 1);

    private void Answered(string what, HttpStatusCode status, bool refusalExpected = false)
    {
        Add(what);
        if ((int)status >= 500)
            Add("5xx");
        else if (refusalExpected && status == HttpStatusCode.Unauthorized)
            Add("refused");
    }

    private async Task WebhookAsync(HttpClient client)
    {
        SimulatedMember member;
        string eventId;
        bool badlySigned;
        lock (_members)
        {
            var id = $"mem_soak_{_random.Next(Members):D3}";
            var plans = new[] { ("pln_flex", "Flex"), ("pln_full", "Full-time"), ("pln_dedicated", "Dedicated") };
            var (planId, planName) = plans[_random.Next(plans.Length)];
            member = _members[id] with
            {
                Status = _random.Next(6) == 0 ? "suspended" : "active",
                UpdatedAt = DateTimeOffset.UtcNow,
                Membership = _members[id].Membership! with { PlanId = planId, PlanName = planName },
            };
            _members[id] = member;
            eventId = $"evt_soak_{++_eventNumber:D7}";
            badlySigned = _random.Next(10) == 0;
        }
        space.Simulator.Space(CoworksSpaceOfApp.SpaceId).UpdateMember(member.Id, _ => member);
        if (badlySigned)
        {
            var forged = CoworksWebhooks.Build(CoworksSpaceOfApp.SpaceId, CoworksEventTypes.MemberUpdated, member, "whsec_forged_0000000000", eventId: eventId + "_forged");
            using var refused = await client.SendAsync(forged.ToRequest(space.ConnectorId));
            Answered("webhooks", refused.StatusCode, refusalExpected: true);
            return;
        }
        var state = new MemberState(eventId, CoworksEventTypes.MemberUpdated, member, member.UpdatedAt);
        var status = await space.SendAsync(app, state);
        Answered("webhooks", status ?? HttpStatusCode.ServiceUnavailable);
    }

    private async Task AuthorizeAsync(HttpClient client)
    {
        var username = $"soak.{_random.Next(Members):D3}@example.com";
        using var response = await client.PostAsync("api/radius/authorize", RlmRest(new Dictionary<string, object>
        {
            ["User-Name"] = username,
            ["NAS-Identifier"] = "soak-ap-1",
            ["Calling-Station-Id"] = $"AA-BB-CC-00-00-{_random.Next(256):X2}",
        }));
        Answered("authorize", response.StatusCode);
    }

    private async Task AccountingAsync(HttpClient client)
    {
        var user = _random.Next(Members);
        var session = $"soak-{user}-{_random.Next(3)}";
        var status = new[] { "Start", "Interim-Update", "Interim-Update", "Stop" }[_random.Next(4)];
        using var response = await client.PostAsync("api/radius/accounting", RlmRest(new Dictionary<string, object>
        {
            ["Acct-Status-Type"] = status,
            ["User-Name"] = $"soak.{user:D3}@example.com",
            ["Acct-Unique-Session-Id"] = session,
            ["Acct-Session-Time"] = (long)_random.Next(0, 7200),
            ["NAS-Identifier"] = "soak-ap-1",
        }));
        Answered("accounting", response.StatusCode);
    }

    private async Task SyncAsync(HttpClient client)
    {
        Add("syncs");
        using var started = await client.PostAsync($"api/admin/connectors/{space.ConnectorId}/sync", null);
        if ((int)started.StatusCode >= 500)
            Add("5xx");
    }

    private async Task ReportAsync(int minute)
    {
        var books = await Books.ReadAsync(tables, space.ConnectorId, space.Accepted, app.LogLines);
        using var admin = app.Client(withKey: true);
        var runs = await admin.GetFromJsonAsync<JsonElement>($"api/admin/connectors/{space.ConnectorId}/sync-runs?max=200");
        var failed = runs.GetProperty("items").EnumerateArray().Count(r => r.GetProperty("state").GetString() == "failed");
        var row = new SoakMinute(minute, books.Accepted.Count, books.AcceptedApplied, books.AcceptedDeadLettered, books.Missing.Count, books.AppliedTwice.Count,
            Count("webhooks"), Count("authorize"), Count("accounting"), Count("syncs"), Count("5xx"), Count("refused"), failed, ResidentMiB(app.Pid));
        Minutes.Add(row);
        print(row.Line);
    }

    /// <summary>The process's resident set (VmRSS in /proc), in MiB; 0 when it cannot be read.</summary>
    public static double ResidentMiB(int? pid)
    {
        if (pid is null || !File.Exists($"/proc/{pid}/status"))
            return 0;
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kib = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return kib is null ? 0 : long.Parse(kib, CultureInfo.InvariantCulture) / 1024.0;
    }

    private static JsonContent RlmRest(Dictionary<string, object> attributes) =>
        JsonContent.Create(attributes.ToDictionary(a => a.Key, a => (object)new { type = a.Value is string ? "string" : "integer", value = new[] { a.Value } }));

    /// <summary>Writes the minutes as CSV and, when gnuplot is there, a PNG of memory over time; returns the files written.</summary>
    public IReadOnlyList<string> Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var csv = Path.Combine(folder, "soak.csv");
        File.WriteAllLines(csv, [SoakMinute.CsvHeader, .. Minutes.Select(m => m.Csv)]);
        var png = Path.Combine(folder, "soak-memory.png");
        var script = new StringBuilder()
            .AppendLine("set terminal pngcairo size 900,420 font 'sans,10'")
            .AppendLine(CultureInfo.InvariantCulture, $"set output '{png}'")
            .AppendLine("set datafile separator ','")
            .AppendLine("set title 'CoworkSync soak: resident memory of the app'")
            .AppendLine("set xlabel 'minute'")
            .AppendLine("set ylabel 'MiB'")
            .AppendLine("set yrange [0:*]")
            .AppendLine("set grid")
            .AppendLine(CultureInfo.InvariantCulture, $"plot '{csv}' using 1:14 skip 1 with linespoints title 'VmRSS'")
            .ToString();
        try
        {
            using var gnuplot = Process.Start(new ProcessStartInfo("gnuplot") { RedirectStandardInput = true, UseShellExecute = false })!;
            gnuplot.StandardInput.Write(script);
            gnuplot.StandardInput.Close();
            gnuplot.WaitForExit(30_000);
            return File.Exists(png) ? [csv, png] : [csv];
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return [csv];
        }
    }
}
