using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.Simulators.Coworks;
using Xunit.Abstractions;

namespace CoworkSync.IntegrationTests.Reliability.Faults;

/// <summary>
/// Coworks in a storm: the simulator answers 429 with Retry-After, 500, 503, hangs past the client's timeout, answers
/// slowly, closes the connection mid-body, sends truncated or invalid JSON, one fault at a time and all in a row. Every
/// sync run ends succeeded or failed with a reason, retries wait at least what Retry-After asked, and no member loses
/// access because Coworks failed.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Reliability")]
public sealed class CoworksStormTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Members = 30;
    private readonly CoworksWorld _world = new(azurite, settings: new Dictionary<string, string?>
    {
        ["Coworks:AttemptTimeout"] = "00:00:01",
        ["Coworks:TotalTimeout"] = "00:00:30",
        ["Coworks:MaxRetries"] = "3",
    });

    public async Task InitializeAsync()
    {
        await _world.InitializeAsync();
        for (var i = 0; i < Members; i++)
            _world.Space.AddMembers(SimulatedMember.Active($"mem_storm_{i:D2}", "pln_full", "Full-time") with { Email = $"storm.{i:D2}.{Guid.NewGuid():N}@example.com" });
    }

    public Task DisposeAsync() => _world.DisposeAsync();

    public static TheoryData<string> Storms => ["429", "500", "503", "hang", "slow", "closed mid-body", "truncated JSON", "invalid JSON", "all in a row"];

    [Theory]
    [MemberData(nameof(Storms))]
    public async Task ASyncInTheStorm_EndsSucceededOrFailedWithAReason_RespectsRetryAfter_AndDeprovisionsNobody(string storm)
    {
        var first = await SyncAsync();
        Assert.Equal("succeeded", first.GetProperty("state").GetString());
        await AssertEveryoneEnabledAsync("after the first sync");

        _world.Coworks.FaultNext(Faults(storm));
        var before = _world.Coworks.RequestCount;
        var run = await SyncAsync();
        var state = run.GetProperty("state").GetString();
        output.WriteLine($"{storm}: {state}; errors {run.GetProperty("errors")}");
        Assert.True(state is "succeeded" or "failed", $"{storm}: the run ended {state}");
        if (state == "failed")
            Assert.NotEqual(0, run.GetProperty("errors").GetArrayLength());
        await AssertEveryoneEnabledAsync($"after the sync in the storm '{storm}'");

        var requests = _world.Coworks.Requests.Skip(before).ToList();
        for (var i = 0; i < requests.Count - 1; i++)
        {
            if (requests[i].RetryAfter is { } retryAfter && int.TryParse(retryAfter, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
            {
                var waited = requests[i + 1].ElapsedSinceStart - requests[i].ElapsedSinceStart;
                Assert.True(waited >= TimeSpan.FromSeconds(seconds) - TimeSpan.FromMilliseconds(50),
                    $"{storm}: the request after a Retry-After of {seconds} s came {waited.TotalMilliseconds:0} ms later");
            }
        }

        // A run that failed early leaves faults no request met yet: the storm lasts until they are spent, each run
        // ending succeeded or failed with a reason like the one above.
        for (var extra = 0; _world.Coworks.PendingFaults > 0; extra++)
        {
            Assert.True(extra < 8, $"{storm}: {_world.Coworks.PendingFaults} faults still queued after {extra} more syncs");
            var more = await SyncAsync();
            Assert.True(more.GetProperty("state").GetString() == "succeeded" || more.GetProperty("errors").GetArrayLength() > 0, $"{storm}: a run failed without a reason");
            await AssertEveryoneEnabledAsync($"after another sync in the storm '{storm}'");
        }

        var after = await SyncAsync();
        Assert.Equal("succeeded", after.GetProperty("state").GetString());
        await AssertEveryoneEnabledAsync($"after the storm '{storm}' passed");
    }

    private static SimulatorFault[] Faults(string storm) => storm switch
    {
        "429" => [new SimulatorFault(HttpStatusCode.TooManyRequests, "2")],
        "500" => [new SimulatorFault(HttpStatusCode.InternalServerError)],
        "503" => [new SimulatorFault(HttpStatusCode.ServiceUnavailable, "1")],
        "hang" => [SimulatorFault.Of(SimulatorFaultKind.Hang, TimeSpan.FromSeconds(5))],
        "slow" => [SimulatorFault.Of(SimulatorFaultKind.Slow, TimeSpan.FromMilliseconds(400))],
        "closed mid-body" => [SimulatorFault.Of(SimulatorFaultKind.CloseMidBody)],
        "truncated JSON" => [SimulatorFault.Of(SimulatorFaultKind.TruncatedJson)],
        "invalid JSON" => [SimulatorFault.Of(SimulatorFaultKind.InvalidJson)],
        _ =>
        [
            new SimulatorFault(HttpStatusCode.InternalServerError), new SimulatorFault(HttpStatusCode.ServiceUnavailable, "1"),
            SimulatorFault.Of(SimulatorFaultKind.Hang, TimeSpan.FromSeconds(5)), SimulatorFault.Of(SimulatorFaultKind.CloseMidBody),
            new SimulatorFault(HttpStatusCode.TooManyRequests, "1"), SimulatorFault.Of(SimulatorFaultKind.TruncatedJson),
            SimulatorFault.Of(SimulatorFaultKind.InvalidJson), new SimulatorFault(HttpStatusCode.BadGateway),
        ],
    };

    private async Task<JsonElement> SyncAsync()
    {
        var started = await _world.App.Admin().PostAsync($"/api/admin/connectors/{_world.ConnectorId}/sync", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var runId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString();
        return await Eventually.GetAsync(async () =>
        {
            var runs = await _world.App.GetJsonAsync($"/api/admin/connectors/{_world.ConnectorId}/sync-runs?max=5");
            return runs.GetProperty("items").EnumerateArray().FirstOrDefault(r => r.GetProperty("runId").GetString() == runId);
        }, r => r.ValueKind == JsonValueKind.Object && r.GetProperty("state").GetString() is "succeeded" or "failed", $"sync run {runId}", TimeSpan.FromSeconds(120));
    }

    private async Task AssertEveryoneEnabledAsync(string when)
    {
        for (var i = 0; i < Members; i++)
        {
            var member = await _world.MemberAsync($"mem_storm_{i:D2}");
            Assert.True(member.GetProperty("account").GetProperty("enabled").GetBoolean(), $"mem_storm_{i:D2} lost access {when}: {member.GetProperty("reason")}");
        }
    }
}
