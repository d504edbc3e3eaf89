using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CoworkSync.IntegrationTests.Support;
using Xunit.Abstractions;

namespace CoworkSync.IntegrationTests.Reliability.Hostile;

/// <summary>
/// rlm_rest bodies fuzzed (missing, repeated, oversized and mistyped attributes, odd encodings, garbage) at the RADIUS
/// endpoints: no 5xx; authorize hands a password (200) only for the member's own user name, and only the member's own
/// password, never for a fuzzed name; accounting answers 204 or 4xx.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class RlmRestFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Seed = 1617;
    private const int Requests = 1_500;
    private readonly RadiusWorld _world = new(maxSessionTimeoutSeconds: 3600);
    private string _username = null!;
    private string _password = null!;

    public async Task InitializeAsync()
    {
        await _world.InitializeAsync();
        (_username, _password) = await _world.MemberAsync("Dedicated");
    }

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task FuzzedBodies_NeverAServerError_AndAPasswordOnlyForTheMembersOwnName()
    {
        var random = new Random(Seed);
        var cases = Enumerable.Range(0, Requests).Select(i => Body(random, i)).ToList();
        var answers = new ConcurrentBag<(string Kind, string Route, HttpStatusCode Status, string Body)>();
        var client = _world.App.CreateClient();

        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (fuzzed, _) =>
        {
            using var content = new ByteArrayContent(fuzzed.Body);
            content.Headers.TryAddWithoutValidation("Content-Type", fuzzed.ContentType);
            using var response = await client.PostAsync($"/api/radius/{fuzzed.Route}?code={LocalFunctionApp.FunctionKey}", content);
            answers.Add((fuzzed.Kind, fuzzed.Route, response.StatusCode, await response.Content.ReadAsStringAsync()));
        });

        output.WriteLine($"Seed {Seed}: " + string.Join(", ", answers.GroupBy(a => $"{a.Route} {(int)a.Status}").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count()}")));
        var serverErrors = answers.Where(a => (int)a.Status >= 500).ToList();
        Assert.True(serverErrors.Count == 0, $"Seed {Seed}: {serverErrors.Count} answers of 5xx: " + string.Join("; ", serverErrors.Take(5).Select(a => $"{a.Route} {a.Kind} → {(int)a.Status}")));
        foreach (var allowed in answers.Where(a => a.Route == "authorize" && a.Status == HttpStatusCode.OK))
        {
            Assert.True(allowed.Kind.StartsWith("names the member", StringComparison.Ordinal), $"Seed {Seed}: authorize answered 200 to '{allowed.Kind}'");
            var password = JsonDocument.Parse(allowed.Body).RootElement.GetProperty("control:Cleartext-Password").GetProperty("value")[0].GetString();
            Assert.True(password == _password, $"Seed {Seed}: authorize handed a password that is not the member's to '{allowed.Kind}'");
        }
        Assert.All(answers.Where(a => a.Route == "accounting"), a => Assert.True(a.Status == HttpStatusCode.NoContent || (int)a.Status is >= 400 and < 500, $"{a.Kind} → {(int)a.Status}"));
        Assert.Contains(answers, a => a.Route == "authorize" && a.Status == HttpStatusCode.OK);
    }

    private sealed record Fuzzed(string Kind, string Route, byte[] Body, string ContentType);

    private Fuzzed Body(Random random, int i)
    {
        var route = random.Next(2) == 0 ? "authorize" : "accounting";
        var user = random.Next(3) switch
        {
            0 => _username,
            1 => _username.ToUpperInvariant() + (random.Next(2) == 0 ? " " : "\u0000"),
            _ => random.Next(4) switch { 0 => "", 1 => new string('u', 70_000), 2 => "nobody@example.com", _ => "a/b\\c#d?e%f" },
        };
        var attributes = new List<(string Name, object? Value, string Type)>();
        if (random.Next(6) != 0)
            attributes.Add(("User-Name", user, "string"));
        if (random.Next(5) == 0)
            attributes.Add(("User-Name", "someone.else@example.com", "string"));
        attributes.Add(("NAS-Identifier", random.Next(5) == 0 ? new string('n', 10_000) : "mitte-ap-1", "string"));
        if (route == "accounting")
        {
            attributes.Add(("Acct-Status-Type", random.Next(6) switch { 0 => "Start", 1 => "Stop", 2 => "Interim-Update", 3 => "Accounting-On", 4 => "7", _ => "Bogus" }, "string"));
            attributes.Add(("Acct-Unique-Session-Id", random.Next(4) == 0 ? "" : $"sess-{i % 40}", "string"));
            attributes.Add(("Acct-Session-Time", random.Next(5) switch { 0 => -5L, 1 => long.MaxValue, 2 => "12abc", 3 => 3.5, _ => (long)random.Next(0, 100_000) }, random.Next(2) == 0 ? "integer" : "string"));
        }
        if (random.Next(4) == 0)
            attributes.Add(("Calling-Station-Id", random.Next(2) == 0 ? "AA-BB-CC-DD-EE-FF" : "\u202Eevil", "string"));
        var shape = random.Next(10);
        var body = shape switch
        {
            0 => Encoding.UTF8.GetBytes("{\"User-Name\":"),
            1 => [0xFF, 0xFE, 0x7B, 0x00],
            2 => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 5_000))),
            3 => Encoding.UTF8.GetBytes("{\"User-Name\":{\"type\":\"string\",\"value\":\"" + user + "\"}}"),
            4 => Encoding.UTF8.GetBytes("{\"User-Name\":{\"type\":\"string\",\"value\":[\"" + JsonEncodedText.Encode(user) + "\",\"second\"]},\"NAS-Identifier\":{\"value\":[]}}"),
            5 => Encoding.Unicode.GetBytes(Json(attributes)),
            6 => Encoding.UTF8.GetBytes("[" + Json(attributes) + "]"),
            _ => Encoding.UTF8.GetBytes(Json(attributes)),
        };
        // A name that is the member's but for case, padding or a NUL may resolve to their account: FreeRADIUS then
        // compares the password it is handed. A body that does not name the member must never get one.
        var namesTheMember = Encoding.UTF8.GetString(body).Contains(_username, StringComparison.OrdinalIgnoreCase);
        var kind = (namesTheMember ? "names the member" : "does not name the member") + $", shape {shape}, user '{(user.Length > 40 ? user[..40] + "…" : user)}'";
        return new Fuzzed(kind, route, body, random.Next(5) == 0 ? "text/plain" : "application/json");
    }

    private static string Json(IEnumerable<(string Name, object? Value, string Type)> attributes)
    {
        var builder = new StringBuilder("{");
        foreach (var (name, value, type) in attributes)
        {
            var text = value is string s ? JsonSerializer.Serialize(s) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
            builder.Append(JsonSerializer.Serialize(name)).Append(":{\"type\":\"").Append(type).Append("\",\"value\":[").Append(text).Append("]},");
        }
        return builder.ToString().TrimEnd(',') + "}";
    }
}
