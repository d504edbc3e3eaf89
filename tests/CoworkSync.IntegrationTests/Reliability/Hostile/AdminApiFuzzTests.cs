using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.Simulators.Coworks;
using Xunit.Abstractions;

namespace CoworkSync.IntegrationTests.Reliability.Hostile;

/// <summary>
/// The admin API fuzzed: ids in every route with <c>/ \ # ?</c>, <c>%</c>, control characters, very long and odd
/// strings, and bodies with such strings, wrong types and deep nesting: never a 5xx, every 400 and 409 says why; and an
/// id with those characters, taken in through a webhook, is stored under an escaped key and read back whole.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Reliability")]
public sealed class AdminApiFuzzTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Seed = 1618;
    private const int Requests = 1_500;
    private readonly CoworksWorld _world = new(azurite);

    private static readonly string[] OddIds =
    [
        "a/b", "a\\b", "a#b", "a?b", "a%b", "%2F", "..", ".", "a\u0000b", "a\nb", "\u007f", "a\u0085b", "é-connector", "UPPER",
        new string('x', 5_000), "-lead", "trail-", " spaced ", "a:b", "a'b\"c", "<script>", "\ud83d\ude00", "a b", "null", "0",
    ];

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task FuzzedIdsAndBodies_NeverAServerError_And400sSayWhy()
    {
        var random = new Random(Seed);
        var requests = Enumerable.Range(0, Requests).Select(_ => Request(random)).ToList();
        var answers = new ConcurrentBag<(string What, HttpStatusCode Status, string Body)>();
        var admin = _world.App.Admin();

        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (request, _) =>
        {
            using var message = new HttpRequestMessage(request.Method, request.Path);
            if (request.Body is not null)
                message.Content = new StringContent(request.Body, Encoding.UTF8, "application/json");
            using var response = await admin.SendAsync(message);
            answers.Add(($"{request.Method} {Shorten(request.Path)} {Shorten(request.Body ?? "")}", response.StatusCode, await response.Content.ReadAsStringAsync()));
        });

        output.WriteLine($"Seed {Seed}: " + string.Join(", ", answers.GroupBy(a => (int)a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")));
        var serverErrors = answers.Where(a => (int)a.Status >= 500).ToList();
        Assert.True(serverErrors.Count == 0, $"Seed {Seed}: {serverErrors.Count} answers of 5xx, e.g.{Environment.NewLine}" +
            string.Join(Environment.NewLine, serverErrors.Take(8).Select(a => $"{a.What} → {(int)a.Status} {Shorten(a.Body)}")));
        var silent = answers.Where(a => a.Status is HttpStatusCode.BadRequest or HttpStatusCode.Conflict && !SaysWhy(a.Body)).ToList();
        Assert.True(silent.Count == 0, $"Seed {Seed}: 4xx without a reason:{Environment.NewLine}" + string.Join(Environment.NewLine, silent.Take(8).Select(a => $"{a.What} → {(int)a.Status} '{Shorten(a.Body)}'")));
    }

    [Fact]
    public async Task AMemberWhoseIdsHoldKeyCharacters_IsStoredEscaped_AndReadBackWhole()
    {
        const string memberId = "mem/1\\2#3?4%5\u00016";
        var member = SimulatedMember.Active(memberId) with { Email = "odd.ids@example.com" };
        var accepted = await _world.SendWebhookAsync("member.created", member, eventId: "evt/odd#id?\\%");
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);

        var view = await _world.WaitForMemberAsync(Uri.EscapeDataString(memberId), m => m.TryGetProperty("account", out var a) && a.ValueKind == JsonValueKind.Object, "the odd member's account");

        Assert.Equal(memberId, view.GetProperty("memberId").GetString());
        Assert.Equal("evt/odd#id?\\%", view.GetProperty("lastEvent").GetProperty("id").GetString());
    }

    private sealed record FuzzRequest(HttpMethod Method, string Path, string? Body);

    private FuzzRequest Request(Random random)
    {
        var id = Escape(OddIds[random.Next(OddIds.Length)], random);
        var known = _world.ConnectorId;
        var body = Body(random);
        return random.Next(16) switch
        {
            0 => new(HttpMethod.Get, $"/api/admin/connectors/{id}", null),
            1 => new(HttpMethod.Put, $"/api/admin/connectors/{id}", random.Next(2) == 0 ? ConnectorBody(random) : body),
            2 => new(HttpMethod.Put, $"/api/admin/connectors/{known}", ConnectorBody(random)),
            3 => new(HttpMethod.Get, $"/api/admin/connectors/{id}/plan-mappings", null),
            4 => new(HttpMethod.Put, $"/api/admin/connectors/{(random.Next(2) == 0 ? known : id)}/plan-mappings",
                $"[{{\"planId\":{Str(random)},\"planName\":{Str(random)},\"groups\":[{Str(random)}]}}]"),
            5 => new(HttpMethod.Put, $"/api/admin/connectors/{id}/secrets", body),
            6 => new(HttpMethod.Get, $"/api/admin/connectors/{known}/members/{id}", null),
            7 => new(HttpMethod.Post, $"/api/admin/connectors/{known}/members/{id}/account", $"{{\"username\":{Str(random)}}}"),
            8 => new(HttpMethod.Post, $"/api/admin/connectors/{known}/members/{id}/welcome-email", null),
            9 => new(HttpMethod.Get, $"/api/admin/dead-letters/{id}", null),
            10 => new(HttpMethod.Post, $"/api/admin/dead-letters/{id}/replay", $"{{\"by\":{Str(random)},\"comment\":{Str(random)}}}"),
            11 => new(HttpMethod.Delete, $"/api/admin/dead-letters/{id}?by={id}", null),
            12 => new(HttpMethod.Get, $"/api/admin/dead-letters?connectorId={id}&eventType={id}&state={id}&pageSize={id}&continuationToken={id}", null),
            13 => new(HttpMethod.Get, $"/api/admin/access-groups/{id}", null),
            14 => new(HttpMethod.Put, $"/api/admin/access-groups/{id}", random.Next(2) == 0 ? body : $"{{\"displayName\":{Str(random)},\"hoursPerCycle\":{random.Next(-5, 1000)}}}"),
            _ => new(HttpMethod.Get, $"/api/admin/connectors/{known}/sync-runs?max={id}", null),
        };
    }

    // A NUL in a path is refused by the in-memory test server before the app sees it (Kestrel answers 400): bodies carry it.
    private static string Escape(string id, Random random) =>
        (random.Next(3) == 0 ? Uri.EscapeDataString(id).Replace("%2F", "/", StringComparison.Ordinal) : Uri.EscapeDataString(id)).Replace("%00", "%01", StringComparison.Ordinal);

    private static string Str(Random random) => random.Next(6) switch
    {
        0 => "null",
        1 => random.Next(1000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        2 => "{\"nested\":[1,2]}",
        _ => JsonSerializer.Serialize(OddIds[random.Next(OddIds.Length)]),
    };

    private static string ConnectorBody(Random random) =>
        $"{{\"platform\":{(random.Next(3) == 0 ? Str(random) : "\"coworks\"")},\"displayName\":{Str(random)}," +
        $"\"locations\":[{{\"id\":{Str(random)},\"name\":{Str(random)},\"timeZone\":{(random.Next(2) == 0 ? Str(random) : "\"Europe/Berlin\"")},\"nasIdentifiers\":[{Str(random)}]}}]," +
        $"\"coworks\":{{\"apiBaseUrl\":{(random.Next(2) == 0 ? Str(random) : "\"http://127.0.0.1:9/\"")},\"spaceId\":{Str(random)}}},\"settings\":{{\"syncIntervalMinutes\":{Str(random)}}}}}";

    private static string Body(Random random) => random.Next(6) switch
    {
        0 => "",
        1 => "{",
        2 => new string('[', 3_000) + new string(']', 3_000),
        3 => $"{{\"apiKey\":{Str(random)},\"webhookSecret\":{Str(random)},\"apiKey\":{Str(random)}}}",
        4 => "\"just a string\"",
        _ => $"{{\"{OddIds[random.Next(OddIds.Length)]}\":{Str(random)}}}",
    };

    private static bool SaysWhy(string body)
    {
        try
        {
            var root = JsonDocument.Parse(body).RootElement;
            return root.ValueKind == JsonValueKind.Object
                && (root.TryGetProperty("reason", out var reason) && reason.GetString() is { Length: > 0 }
                    || root.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 0 });
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Shorten(string text) => text.Length > 120 ? text[..120] + "…" : text;
}
