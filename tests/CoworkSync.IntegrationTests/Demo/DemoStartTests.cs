using System.Net.Http.Json;
using System.Text.Json;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.Simulators.Demo;

namespace CoworkSync.IntegrationTests.Demo;

/// <summary>
/// README "Try it: the demo": <c>bash scripts/start.sh --demo</c> run twice in a fresh data folder. The first run leaves
/// every demo member as the README's members table says (read from README.md), with one welcome email per account,
/// and prints commands that work as printed (admin API calls, radclient, a signed webhook); Ctrl-C stops everything
/// it started, FreeRADIUS included; the second run provisions nothing again.
/// </summary>
public sealed class DemoStartTests : IAsyncLifetime
{
    private const string Connector = "demo";

    /// <summary>Grace Hopper, whom the hand-signed webhook adds: not a member of the demo space, so not in the table.</summary>
    private static readonly string Newcomer = DemoCast.Newcomer(default).Id;

    private readonly string _data = Path.Combine(Path.GetTempPath(), "coworksync-demo-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly DemoPorts _ports = DemoPorts.Free();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temp folder is harmless.
        }
        return Task.CompletedTask;
    }

    [Fact]
    public async Task StartDemo_TwiceInAFreshDataFolder_LeavesEveryMemberAsTheReadmeTableSaysOnceTheCommandsItPrintsWorkAndCtrlCStopsEverything()
    {
        var readme = ReadmeDemoTable.Read();
        IReadOnlyList<string> emails;
        Dictionary<string, string> accounts;
        await using (var first = await DemoStartScript.StartAsync(_ports, _data))
        {
            Assert.Equal(readme.OrderBy(r => r.MemberId, StringComparer.Ordinal), await MembersAsync(first));
            emails = Emails();
            Assert.Equal(readme.Where(r => r.Username is not null).Select(r => r.Username!).Order(), emails.Select(EmailRecipient).Order());
            Assert.Contains(first.Lines, l => l.Contains("Suspending Charles Babbage", StringComparison.Ordinal));

            var printed = new PrintedCommands(first.Lines);
            await OpenThePrintedConsoleAsync(first);
            await ReplayTheDemosDeadLetterAsync(first);
            await RunPrintedRadclientLinesAsync(printed, first);
            await RunPrintedAdminCurlLinesAsync(printed, first, readme);
            await RunPrintedSignedWebhookAsync(printed, first);
            emails = Emails(); // now with Grace Hopper's
            accounts = await AccountsAsync(first);

            await StopWithCtrlCAsync(first);
        }

        await using (var second = await DemoStartScript.StartAsync(_ports, _data))
        {
            // A new process remembers no accepted id: the ten are enqueued again and found applied (the state below).
            Assert.Contains(second.Lines, l => l.Contains("Sent 10 signed webhook(s): 10 accepted (202), 0 already accepted before (200)", StringComparison.Ordinal));
            Assert.DoesNotContain(second.Lines, l => l.Contains("Suspending", StringComparison.Ordinal));
            Assert.DoesNotContain(second.Lines, l => l.Contains("Dead letter to replay", StringComparison.Ordinal));
            await OpenThePrintedConsoleAsync(second);
            Assert.Equal(readme.OrderBy(r => r.MemberId, StringComparer.Ordinal), await MembersAsync(second));
            Assert.Equal(accounts, await AccountsAsync(second));
            Assert.Equal(emails, Emails());
            await StopWithCtrlCAsync(second);
        }
    }

    /// <summary>The demo space's members as CoworkSync holds them, in the README table's terms, by member id.</summary>
    private static async Task<List<DemoMemberRow>> MembersAsync(DemoStartScript demo)
    {
        using var admin = Admin(demo);
        var members = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/connectors/{Connector}/members");
        return [.. DemoMembers(members)];
    }

    private static IEnumerable<DemoMemberRow> DemoMembers(JsonElement list) =>
        list.GetProperty("items").EnumerateArray()
            .Select(DemoMemberRow.FromAdminApi)
            .Where(m => m.MemberId != Newcomer)
            .OrderBy(m => m.MemberId, StringComparer.Ordinal);

    /// <summary>The printed console address answers (its sign-in page, with the Support option), and the line says where the admin key is.</summary>
    private static async Task OpenThePrintedConsoleAsync(DemoStartScript demo)
    {
        var line = Assert.Single(demo.Lines, l => l.StartsWith("Console: ", StringComparison.Ordinal));
        var address = line["Console: ".Length..line.IndexOf(' ', "Console: ".Length)];
        Assert.Equal(new Uri(demo.AppUrl, "console").ToString(), address);
        Assert.Contains(Path.Combine(demo.DataDirectory, "function-key"), line, StringComparison.Ordinal);
        Assert.Contains("Support", line, StringComparison.Ordinal);

        using var browser = new HttpClient();
        using var response = await browser.GetAsync(address);
        var page = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} from {address}");
        Assert.EndsWith("/console/sign-in", response.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("Support", page, StringComparison.Ordinal);
    }

    /// <summary>
    /// The first run leaves one open dead letter, a sync the demo space refused (403), and prints its console page;
    /// replayed as support would, the sync runs again and succeeds.
    /// </summary>
    private static async Task ReplayTheDemosDeadLetterAsync(DemoStartScript demo)
    {
        var line = Assert.Single(demo.Lines, l => l.Contains("Dead letter to replay", StringComparison.Ordinal));
        var id = Uri.UnescapeDataString(line[(line.IndexOf("?id=", StringComparison.Ordinal) + 4)..].Split(' ')[0]);
        using var admin = Admin(demo);
        var letter = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/dead-letters/{Uri.EscapeDataString(id)}");
        var summary = letter.GetProperty("deadLetter");
        Assert.Equal(("open", DemoRunner.DeadLetterReason, Connector), (summary.GetProperty("state").GetString(), summary.GetProperty("reason").GetString(), summary.GetProperty("connectorId").GetString()));
        var runId = letter.GetProperty("envelope").GetProperty("payload").GetProperty("runId").GetString();
        var runs = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/connectors/{Connector}/sync-runs");
        Assert.Equal("failed", Run(runs, runId).GetProperty("state").GetString());

        var replay = await admin.PostAsJsonAsync($"/api/admin/dead-letters/{Uri.EscapeDataString(id)}/replay", new { by = "demo test" });

        Assert.True(replay.StatusCode == System.Net.HttpStatusCode.Accepted, await replay.Content.ReadAsStringAsync());
        await Eventually.GetAsync(
            () => admin.GetFromJsonAsync<JsonElement>($"/api/admin/connectors/{Connector}/sync-runs"),
            list => Run(list, runId).GetProperty("state").GetString() == "succeeded",
            $"the replayed sync run {runId} to succeed");
    }

    private static JsonElement Run(JsonElement runs, string? runId) =>
        runs.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("runId").GetString() == runId);

    /// <summary>Each request file says the answer radclient must get; Charles's reject carries the README's Reply-Message.</summary>
    private static async Task RunPrintedRadclientLinesAsync(PrintedCommands printed, DemoStartScript demo)
    {
        var lines = printed.RadclientLines;
        Assert.True(lines.Count == 2, "Expected two radclient lines (FreeRADIUS, freeradius-rest and freeradius-utils must be installed; " +
            "scripts/test.sh installs them)." + demo.RecentOutput());

        var barbara = await PrintedCommands.RunAsync(Assert.Single(lines, l => l.Contains("/barbara.txt", StringComparison.Ordinal)));
        Assert.True(barbara.ExitCode == 0 && barbara.StandardOutput.Contains("Received Access-Accept", StringComparison.Ordinal),
            PrintedCommands.WithoutPasswords(barbara));

        var charles = await PrintedCommands.RunAsync(Assert.Single(lines, l => l.Contains("/charles.txt", StringComparison.Ordinal)));
        Assert.True(charles.ExitCode == 0 && charles.StandardOutput.Contains("Received Access-Reject", StringComparison.Ordinal)
            && charles.StandardOutput.Contains("Reply-Message = \"Access disabled: member suspended.\"", StringComparison.Ordinal),
            PrintedCommands.WithoutPasswords(charles));
    }

    /// <summary>
    /// The members, one member, the sync runs and a sync now, each run as printed: 2xx with the JSON the README describes.
    /// Waits for the sync it started to end, so no sync runs for the next 15 minutes (the timer's interval).
    /// </summary>
    private static async Task RunPrintedAdminCurlLinesAsync(PrintedCommands printed, DemoStartScript demo, IReadOnlyList<DemoMemberRow> readme)
    {
        var lines = printed.AdminCurlLines;
        Assert.True(lines.Count == 4, "Expected four admin API curl lines before the signed webhook." + demo.RecentOutput());
        string Printed(string ending) => Assert.Single(lines, l => l.EndsWith(ending, StringComparison.Ordinal));

        var members = await PrintedCommands.RunCurlAsync(Printed($"/connectors/{Connector}/members"));
        Assert.True(members.Status == 200, members.ToString());
        Assert.Equal(readme.OrderBy(r => r.MemberId, StringComparer.Ordinal), DemoMembers(members.Json));

        var member = await PrintedCommands.RunCurlAsync(Printed($"/members/{DemoCast.AcceptedMemberId}"));
        Assert.True(member.Status == 200, member.ToString());
        Assert.Equal(readme.Single(r => r.MemberId == DemoCast.AcceptedMemberId), DemoMemberRow.FromAdminApi(member.Json));

        var runs = await PrintedCommands.RunCurlAsync(Printed("/sync-runs"));
        Assert.True(runs.Status == 200, runs.ToString());
        Assert.All(runs.Json.GetProperty("items").EnumerateArray(), run =>
            Assert.True(run.GetProperty("runId").GetString() is { Length: > 0 } && run.GetProperty("state").ValueKind == JsonValueKind.String, run.ToString()));

        var sync = await PrintedCommands.RunCurlAsync(Assert.Single(lines, l => l.Contains("-X POST", StringComparison.Ordinal) && l.EndsWith("/sync", StringComparison.Ordinal)));
        Assert.True(sync.Status == 202, sync.ToString());
        Assert.Equal("manual", sync.Json.GetProperty("trigger").GetString());
        Assert.Equal("queued", sync.Json.GetProperty("state").GetString());
        var runId = sync.Json.GetProperty("runId").GetString();

        using var admin = Admin(demo);
        var ended = await Eventually.GetAsync(
            () => admin.GetFromJsonAsync<JsonElement>($"/api/admin/connectors/{Connector}/sync-runs"),
            list => list.GetProperty("items").EnumerateArray().All(r => r.GetProperty("state").GetString() is "succeeded" or "failed"),
            "every sync run to end");
        var run = ended.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("runId").GetString() == runId);
        Assert.True(run.GetProperty("state").GetString() == "succeeded", run.ToString());
    }

    /// <summary>CoworkSync accepts the hand-signed webhook; Grace gets an enabled account in <c>dedicated</c> and a welcome email.</summary>
    private static async Task RunPrintedSignedWebhookAsync(PrintedCommands printed, DemoStartScript demo)
    {
        var script = printed.SignedWebhookScript;
        Assert.Contains("curl -i -X POST", script, StringComparison.Ordinal);

        var result = await PrintedCommands.RunAsync(script);
        Assert.True(result.ExitCode == 0 && result.StandardOutput.Contains("HTTP/1.1 202", StringComparison.Ordinal), result.Describe());

        using var admin = Admin(demo);
        var grace = await Eventually.GetAsync(
            async () => await admin.GetAsync($"/api/admin/connectors/{Connector}/members/{Newcomer}") is { IsSuccessStatusCode: true } response
                ? await response.Content.ReadFromJsonAsync<JsonElement>()
                : default,
            m => m.ValueKind == JsonValueKind.Object && m.GetProperty("account") is { ValueKind: JsonValueKind.Object } a
                && a.GetProperty("welcomeEmailSentAt").ValueKind != JsonValueKind.Null,
            "Grace Hopper's account and welcome email");
        var account = DemoMemberRow.FromAdminApi(grace);
        Assert.True(account is { Enabled: true, Access: "dedicated" }, account.ToString());
    }

    /// <summary>Ctrl-C as a terminal sends it (SIGINT to the script's process group): exit 130, no process seen as crashed, every TCP and UDP port let go.</summary>
    private async Task StopWithCtrlCAsync(DemoStartScript demo)
    {
        foreach (var port in _ports.Udp)
            Assert.False(FreePorts.UdpIsFree(port), $"UDP port {port} is free while the demo runs: FreeRADIUS should hold it.");

        Assert.Equal(130, await demo.StopAsync());
        // The script stops what it started in order; none of them may see the Ctrl-C first and look like a crash.
        Assert.DoesNotContain("exited unexpectedly", demo.RecentOutput());

        foreach (var port in _ports.Tcp)
            Assert.False(await FreePorts.AcceptsAsync(port), $"TCP port {port} still answers after Ctrl-C.");
        foreach (var port in _ports.Udp)
            Assert.True(FreePorts.UdpIsFree(port), $"UDP port {port} is still held after Ctrl-C (FreeRADIUS still running?).");
    }

    /// <summary>The demo members' accounts: username → enabled and groups (Grace's is left out: a sync may disable it).</summary>
    private static async Task<Dictionary<string, string>> AccountsAsync(DemoStartScript demo)
    {
        using var admin = Admin(demo);
        var members = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/connectors/{Connector}/members");
        return members.GetProperty("items").EnumerateArray()
            .Where(m => m.GetProperty("account").ValueKind == JsonValueKind.Object && m.GetProperty("memberId").GetString() != Newcomer)
            .Select(m => m.GetProperty("account"))
            .ToDictionary(a => a.GetProperty("username").GetString()!, a => $"{a.GetProperty("enabled").GetBoolean()} {string.Join(',', a.GetProperty("groups").EnumerateArray().Select(g => g.GetString()))}");
    }

    private List<string> Emails() =>
        [.. Directory.EnumerateFiles(Path.Combine(_data, "mail"), "*.eml").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    /// <summary>The recipient in <c>{time}-{recipient}-{random}.eml</c>.</summary>
    private static string EmailRecipient(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName);
        return name[(name.IndexOf('-', StringComparison.Ordinal) + 1)..name.LastIndexOf('-')];
    }

    private static HttpClient Admin(DemoStartScript demo)
    {
        var client = new HttpClient { BaseAddress = demo.AppUrl };
        client.DefaultRequestHeaders.Add("x-functions-key", demo.FunctionKey);
        return client;
    }
}
