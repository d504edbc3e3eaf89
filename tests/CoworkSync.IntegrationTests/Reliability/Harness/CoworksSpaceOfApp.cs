using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.IntegrationTests.Support.Secrets;
using CoworkSync.Simulators.Coworks;

namespace CoworkSync.IntegrationTests.Reliability.Harness;

/// <summary>
/// A Coworks space (the simulator, in the test process) connected to an <see cref="AppProcess"/> through the admin
/// API, and the webhooks the test sends it, with every answer kept: the accepted side of the books.
/// </summary>
public sealed class CoworksSpaceOfApp : IAsyncDisposable
{
    public const string SpaceId = "spc_ledger";

    private readonly ConcurrentDictionary<string, HttpStatusCode> _answers = new(StringComparer.Ordinal);

    private CoworksSpaceOfApp(CoworksSimulator simulator, string connectorId, string apiKey, string webhookSecret)
    {
        Simulator = simulator;
        ConnectorId = connectorId;
        ApiKey = apiKey;
        WebhookSecret = webhookSecret;
    }

    public CoworksSimulator Simulator { get; }

    public string ConnectorId { get; }

    public string ApiKey { get; }

    public string WebhookSecret { get; }

    /// <summary>Event ids the app answered 202 (or 200: accepted before).</summary>
    public IReadOnlyCollection<string> Accepted => [.. _answers.Where(a => a.Value is HttpStatusCode.Accepted or HttpStatusCode.OK).Select(a => a.Key)];

    public IReadOnlyDictionary<string, HttpStatusCode> Answers => _answers;

    public static async Task<CoworksSpaceOfApp> StartAsync(string connectorPrefix)
    {
        var simulator = await CoworksSimulator.StartAsync();
        var space = new CoworksSpaceOfApp(simulator, $"{connectorPrefix}-{Guid.NewGuid():N}"[..(connectorPrefix.Length + 11)],
            "coworks-key-" + Guid.NewGuid().ToString("N"), "whsec_" + Guid.NewGuid().ToString("N"));
        simulator.AddSpace(SpaceId, space.ApiKey).AddPlan("pln_flex", "Flex").AddPlan("pln_full", "Full-time").AddPlan("pln_dedicated", "Dedicated");
        SecretsInLogs.Register(space.ApiKey);
        SecretsInLogs.Register(space.WebhookSecret);
        return space;
    }

    /// <summary>Creates the connector and gives it its secrets, as an operator does.</summary>
    public async Task ConnectAsync(AppProcess app)
    {
        using var admin = app.Client(withKey: true);
        var put = await admin.PutAsJsonAsync($"api/admin/connectors/{ConnectorId}", new
        {
            platform = "coworks",
            displayName = "Ledger space",
            locations = new[] { new { id = "loc_1", name = "Ledger", timeZone = "Europe/Berlin", nasIdentifiers = new[] { "*-ap-*" } } },
            coworks = new { apiBaseUrl = Simulator.BaseUrl.ToString(), spaceId = SpaceId },
            settings = new { autoProvision = true, autoDeprovision = true, syncIntervalMinutes = 15, sendWelcomeEmail = true },
        });
        Assert.True(put.IsSuccessStatusCode, $"PUT connector: {put.StatusCode} {await put.Content.ReadAsStringAsync()}");
        var secrets = await admin.PutAsJsonAsync($"api/admin/connectors/{ConnectorId}/secrets", new { apiKey = ApiKey, webhookSecret = WebhookSecret });
        Assert.True(secrets.IsSuccessStatusCode, $"PUT secrets: {secrets.StatusCode}");
    }

    /// <summary>Sends the state's webhook; an answer is kept, a connection error is not (the platform sends it again).</summary>
    /// <returns>The answer, or null when none came.</returns>
    public async Task<HttpStatusCode?> SendAsync(AppProcess app, MemberState state)
    {
        var webhook = MemberHistories.Webhook(state, SpaceId, WebhookSecret);
        using var client = app.Client();
        try
        {
            using var response = await client.SendAsync(webhook.ToRequest(ConnectorId));
            _answers.AddOrUpdate(state.EventId, response.StatusCode, (_, before) => before is HttpStatusCode.Accepted or HttpStatusCode.OK ? before : response.StatusCode);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>Sends every state not yet accepted, <paramref name="parallel"/> at once, as a platform retries.</summary>
    public Task SendUnacceptedAsync(AppProcess app, IEnumerable<MemberState> states, int parallel = 4) =>
        Parallel.ForEachAsync(states.Where(s => !Accepted.Contains(s.EventId)).ToList(), new ParallelOptions { MaxDegreeOfParallelism = parallel },
            async (state, _) => await SendAsync(app, state));

    public async Task<JsonElement> MemberAsync(AppProcess app, string memberId)
    {
        using var admin = app.Client(withKey: true);
        using var response = await admin.GetAsync($"api/admin/connectors/{ConnectorId}/members/{memberId}");
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
    }

    /// <summary>Every member's differences from the model; empty when all match.</summary>
    public async Task<IReadOnlyList<string>> CompareAccountsAsync(AppProcess app, MemberHistories histories)
    {
        var problems = new List<string>();
        foreach (var memberId in histories.Histories.Keys)
            problems.AddRange(histories.Compare(memberId, await MemberAsync(app, memberId)));
        return problems;
    }

    /// <summary>Waits until the books balance and every account matches, or the limit passes; then asserts both.</summary>
    public async Task<Books> SettleAsync(AppProcess app, Azure.Data.Tables.TableServiceClient tables, MemberHistories histories, TimeSpan limit)
    {
        (Books Books, IReadOnlyList<string> Problems) last = default;
        try
        {
            last = await Eventually.GetAsync(async () =>
            {
                var books = await Books.ReadAsync(tables, ConnectorId, Accepted, app.LogLines);
                return (books, books.Balance ? await CompareAccountsAsync(app, histories) : (IReadOnlyList<string>)["the books do not balance yet"]);
            }, state => state.Item1.Balance && state.Item2.Count == 0, "the books to balance and the accounts to match", limit);
        }
        catch (TimeoutException)
        {
            last = (await Books.ReadAsync(tables, ConnectorId, Accepted, app.LogLines), await CompareAccountsAsync(app, histories));
        }
        last.Books.AssertBalanced($"connector {ConnectorId}");
        Assert.True(last.Problems.Count == 0, "Accounts differ from an ordered, single delivery:" + Environment.NewLine + string.Join(Environment.NewLine, last.Problems));
        return last.Books;
    }

    public ValueTask DisposeAsync() => Simulator.DisposeAsync();
}
