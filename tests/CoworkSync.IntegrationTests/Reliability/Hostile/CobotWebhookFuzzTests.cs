using System.Collections.Concurrent;
using System.Net;
using System.Text;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.Platforms.Cobot;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace CoworkSync.IntegrationTests.Reliability.Hostile;

/// <summary>
/// Cobot webhooks fuzzed: callback tokens (right, one character off, cut, padded, another case, empty, escaped) and
/// bodies (the membership URL on the connector's own API host, on foreign or look-alike hosts, other schemes, ports,
/// paths, queries, user info; a deleted membership's object; garbage, deep nesting, invalid UTF-8, wrong types). No
/// 5xx; nothing enqueued for a wrong token or a foreign URL; every valid one enqueued. The queue pump is off.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Reliability")]
public sealed class CobotWebhookFuzzTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Seed = 1619;
    private const int Requests = 2_000;
    private readonly CobotWorld _world = new(azurite, services => services.RemoveAll<IHostedService>());

    public async Task InitializeAsync()
    {
        await _world.InitializeAsync();
        await _world.ConnectWithTokenAsync();
    }

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task FuzzedTokensAndBodies_NoServerError_NothingEnqueuedForAWrongTokenOrAForeignUrl()
    {
        var token = await _world.CallbackTokenAsync();
        var api = _world.Cobot.BaseUrl;
        var random = new Random(Seed);
        var cases = Enumerable.Range(0, Requests).Select(i => Case(random, i, token, api)).ToList();
        var answers = new ConcurrentBag<(Fuzzed Case, HttpStatusCode Status)>();
        var client = _world.App.CreateClient();
        var before = Enqueued();

        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (fuzzed, _) =>
        {
            using var content = new ByteArrayContent(fuzzed.Body);
            content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            using var response = await client.PostAsync($"/api/webhooks/cobot/{_world.ConnectorId}/{fuzzed.Token}", content);
            answers.Add((fuzzed, response.StatusCode));
        });

        output.WriteLine($"Seed {Seed}: " + string.Join(", ", answers.GroupBy(a => (int)a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")));
        var serverErrors = answers.Where(a => (int)a.Status >= 500).ToList();
        Assert.True(serverErrors.Count == 0, $"Seed {Seed}: 5xx for: " + string.Join("; ", serverErrors.Take(5).Select(a => a.Case.Kind)));
        var wrongTaken = answers.Where(a => !a.Case.Valid && (int)a.Status < 300).ToList();
        Assert.True(wrongTaken.Count == 0, $"Seed {Seed}: accepted: " + string.Join("; ", wrongTaken.Take(5).Select(a => $"{a.Case.Kind} → {(int)a.Status}")));
        Assert.All(answers.Where(a => a.Case.Valid), a => Assert.Equal(HttpStatusCode.Accepted, a.Status));
        Assert.All(answers.Where(a => a.Case.WrongToken), a => Assert.Equal(HttpStatusCode.Unauthorized, a.Status));
        Assert.Equal(answers.Count(a => a.Case.Valid), Enqueued() - before);
    }

    private int Enqueued() => _world.App.Published.Count(e => e.ConnectorId == _world.ConnectorId && e.Type == CobotWebhookEvent.Type);

    /// <param name="Valid">Right token and a body pointing at a membership of the connector's own API host.</param>
    private sealed record Fuzzed(string Kind, string Token, byte[] Body, bool Valid, bool WrongToken);

    private static Fuzzed Case(Random random, int i, string token, Uri api)
    {
        var (tokenKind, sentToken, tokenRight) = random.Next(8) switch
        {
            0 => ("one character off", token[..^1] + (token[^1] == 'a' ? 'b' : 'a'), false),
            1 => ("cut", token[..(token.Length / 2)], false),
            2 => ("padded", token + "0", false),
            3 => ("upper case", token.ToUpperInvariant() == token ? token + "X" : token.ToUpperInvariant(), false),
            4 => ("escaped garbage", Uri.EscapeDataString("../" + token + "?x#y"), false),
            _ => ("right", token, true),
        };
        var id = $"ms-{i}";
        var host = api.GetLeftPart(UriPartial.Authority);
        var (bodyKind, body, bodyRight) = random.Next(16) switch
        {
            0 or 1 or 2 => ("own membership URL", $"{{\"url\":\"{host}/api/memberships/{id}\"}}", true),
            3 => ("deleted membership object", $"{{\"id\":\"{id}\",\"state\":\"deleted\"}}", true),
            4 => ("own sub-resource", $"{{\"url\":\"{host}/api/memberships/{id}/time_passes\"}}", true),
            5 => ("foreign host", $"{{\"url\":\"https://evil.example/api/memberships/{id}\"}}", false),
            6 => ("look-alike host", $"{{\"url\":\"{api.Scheme}://{api.Host}.evil.example:{api.Port}/api/memberships/{id}\"}}", false),
            7 => ("user info", $"{{\"url\":\"{api.Scheme}://{api.Host}:{api.Port}@evil.example/api/memberships/{id}\"}}", false),
            8 => ("another port", $"{{\"url\":\"{api.Scheme}://{api.Host}:{api.Port + 1}/api/memberships/{id}\"}}", false),
            9 => ("query", $"{{\"url\":\"{host}/api/memberships/{id}?redirect=https://evil.example\"}}", false),
            10 => ("another resource", $"{{\"url\":\"{host}/api/users/{id}\"}}", false),
            11 => ("bad id", $"{{\"url\":\"{host}/api/memberships/..%2F..%2Fadmin\"}}", false),
            12 => ("wrong types", "{\"url\":42,\"id\":[1]}", false),
            13 => ("deep nesting", new string('[', 5000) + new string(']', 5000), false),
            14 => ("invalid UTF-8", "{\"url\":\"\u00ff\u00fe\"}", false),
            _ => ("garbage", Convert.ToBase64String(BitConverter.GetBytes(random.NextDouble())), false),
        };
        var bytes = bodyKind == "invalid UTF-8" ? [0x7B, 0x22, 0x75, 0x72, 0x6C, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0x22, 0x7D] : Encoding.UTF8.GetBytes(body);
        return new Fuzzed($"token {tokenKind}, body {bodyKind}", sentToken, bytes, tokenRight && bodyRight, !tokenRight);
    }
}
