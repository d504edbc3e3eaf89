using System.Net.Http.Json;
using System.Text.Json;
using CoworkSync.IntegrationTests.Deployment;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support;

namespace CoworkSync.IntegrationTests.Demo;

/// <summary>
/// README "Try it: the demo": <c>bash scripts/start.sh --demo</c> run twice in a fresh data folder. The first run leaves
/// every demo member in the state the README's table says, with one welcome email per account, and prints commands
/// that work as printed (a signed webhook, radclient); Ctrl-C (here SIGTERM, handled alike) stops everything; the
/// second run provisions nothing again.
/// </summary>
public sealed class DemoStartTests : IAsyncLifetime
{
    private const string Connector = "demo";

    /// <summary>The README's table: member, WiFi account (null: none) enabled, groups, and the reason shown.</summary>
    private static readonly (string Member, string? Username, bool Enabled, string[] Groups, string? Reason)[] Expected =
    [
        ("mem_demo_01", "ada.lovelace@example.com", true, ["flex"], null),
        ("mem_demo_02", "alan.turing@example.com", true, ["flex"], null),
        ("mem_demo_03", "katherine.johnson@example.com", true, ["fulltime"], null),
        ("mem_demo_04", "edsger.dijkstra@example.com", true, ["fulltime"], null),
        ("mem_demo_05", "barbara.liskov@example.com", true, ["dedicated"], null),
        ("mem_demo_06", "donald.knuth@example.com", true, ["dedicated"], null),
        ("mem_demo_07", null, false, [], "plan has no WiFi"),
        ("mem_demo_08", null, false, [], "plan has no WiFi"),
        ("mem_demo_09", "hedy.lamarr@example.com", true, ["flex", "trial"], null),
        ("mem_demo_10", "charles.babbage@example.com", false, [], "member suspended"),
    ];

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
    public async Task StartDemo_TwiceInAFreshDataFolder_ProvisionsEveryMemberAsTheReadmeSaysOnceAndTheCommandsItPrintsWork()
    {
        IReadOnlyList<string> emails;
        Dictionary<string, string> accounts;
        await using (var first = await DemoStartScript.StartAsync(_ports, _data))
        {
            await AssertMembersAsync(first);
            emails = Emails();
            Assert.Equal(Expected.Where(e => e.Username is not null).Select(e => e.Username!).Order(), emails.Select(EmailRecipient).Order());
            Assert.Contains(first.Lines, l => l.Contains("Suspending Charles Babbage", StringComparison.Ordinal));

            await RunPrintedRadclientLinesAsync(first);
            await RunPrintedSignedWebhookAsync(first);
            emails = Emails(); // now with Grace Hopper's
            accounts = await AccountsAsync(first);

            Assert.Equal(143, await first.StopAsync());
            foreach (var port in _ports.Tcp)
                Assert.False(await FreePorts.AcceptsAsync(port), $"port {port} still answers after the script stopped");
        }

        await using (var second = await DemoStartScript.StartAsync(_ports, _data))
        {
            Assert.Contains(second.Lines, l => l.Contains("Sent 10 signed webhook(s): 0 accepted (202), 10 already accepted before (200)", StringComparison.Ordinal));
            Assert.DoesNotContain(second.Lines, l => l.Contains("Suspending", StringComparison.Ordinal));
            await AssertMembersAsync(second);
            Assert.Equal(accounts, await AccountsAsync(second));
            Assert.Equal(emails, Emails());
            Assert.Equal(143, await second.StopAsync());
        }
    }

    private static async Task AssertMembersAsync(DemoStartScript demo)
    {
        using var admin = Admin(demo);
        foreach (var (memberId, username, enabled, groups, reason) in Expected)
        {
            var member = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/connectors/{Connector}/members/{memberId}");
            var account = member.GetProperty("account");
            if (username is null)
            {
                Assert.Equal(JsonValueKind.Null, account.ValueKind);
                Assert.Equal(reason, member.GetProperty("reason").GetString());
                continue;
            }
            Assert.Equal(username, account.GetProperty("username").GetString());
            Assert.Equal(enabled, account.GetProperty("enabled").GetBoolean());
            if (enabled)
                Assert.Equal(groups.Order(), account.GetProperty("groups").EnumerateArray().Select(g => g.GetString()!).Order());
            else
                Assert.Equal(reason, account.GetProperty("reason").GetString());
            Assert.NotEqual(JsonValueKind.Null, account.GetProperty("welcomeEmailSentAt").ValueKind);
        }
    }

    /// <summary>The printed radclient lines, run as printed: each request file says the answer radclient must get.</summary>
    private static async Task RunPrintedRadclientLinesAsync(DemoStartScript demo)
    {
        var lines = demo.Lines.Where(l => l.TrimStart().StartsWith("radclient ", StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count == 2, "Expected two radclient lines (FreeRADIUS, freeradius-rest and freeradius-utils must be installed; " +
            "scripts/test.sh installs them)." + demo.RecentOutput());
        foreach (var (line, answer) in lines.Zip(["Received Access-Accept", "Received Access-Reject"]))
        {
            var result = await ProcessRunner.RunAsync("bash", ["-c", line], RepositoryLayout.RepoRoot, TimeSpan.FromSeconds(30));
            Assert.True(result.ExitCode == 0 && result.StandardOutput.Contains(answer, StringComparison.Ordinal), result.Describe());
        }
    }

    /// <summary>The printed BODY/T/SIG/curl lines, run as printed: CoworkSync accepts the hand-signed webhook and creates Grace's account.</summary>
    private static async Task RunPrintedSignedWebhookAsync(DemoStartScript demo)
    {
        var start = demo.Lines.ToList().FindIndex(l => l.TrimStart().StartsWith("BODY=", StringComparison.Ordinal));
        Assert.True(start >= 0, "No signed webhook was printed." + demo.RecentOutput());
        var script = string.Join('\n', demo.Lines.Skip(start).Take(4));
        Assert.Contains("curl -i -X POST", script, StringComparison.Ordinal);

        var result = await ProcessRunner.RunAsync("bash", ["-c", script], RepositoryLayout.RepoRoot, TimeSpan.FromSeconds(30));
        Assert.True(result.ExitCode == 0 && result.StandardOutput.Contains("HTTP/1.1 202", StringComparison.Ordinal), result.Describe());

        using var admin = Admin(demo);
        await Eventually.GetAsync(
            async () => await admin.GetAsync($"/api/admin/connectors/{Connector}/members/mem_demo_11") is { IsSuccessStatusCode: true } response
                ? await response.Content.ReadFromJsonAsync<JsonElement>()
                : default,
            m => m.ValueKind == JsonValueKind.Object && m.GetProperty("account") is { ValueKind: JsonValueKind.Object } a
                && a.GetProperty("welcomeEmailSentAt").ValueKind != JsonValueKind.Null,
            "Grace Hopper's account and welcome email");
    }

    /// <summary>The demo members' accounts: username → enabled and groups (Grace's is left out: a sync may disable it).</summary>
    private static async Task<Dictionary<string, string>> AccountsAsync(DemoStartScript demo)
    {
        using var admin = Admin(demo);
        var members = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/connectors/{Connector}/members");
        return members.GetProperty("items").EnumerateArray()
            .Where(m => m.GetProperty("account").ValueKind == JsonValueKind.Object && m.GetProperty("memberId").GetString() != "mem_demo_11")
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
