using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.Messaging.DeadLetters;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.IntegrationTests.Messaging.DeadLetters;

/// <summary>The support staff's dead-letter API over records in real Table Storage.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DeadLetterAdminApiTests(AzuriteFixture azurite) : IDisposable
{
    private readonly LocalFunctionApp _app = new(azurite.ConnectionString);
    private readonly string _connector = "adm-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task List_FiltersByConnectorTypeAndState_AndPages()
    {
        for (var i = 0; i < 5; i++)
            await RecordAsync($"evt_{i}", type: i < 3 ? "coworks.webhook" : "cobot.webhook");
        var otherConnector = "adm-other-" + Guid.NewGuid().ToString("N")[..6];
        await RecordAsync("evt_x", connector: otherConnector);

        var coworks = await _app.GetJsonAsync($"/api/admin/dead-letters?connectorId={_connector}&eventType=coworks.webhook&state=open");
        Assert.Equal(3, coworks.GetProperty("items").GetArrayLength());

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await _app.GetJsonAsync($"/api/admin/dead-letters?connectorId={_connector}&pageSize=2" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token)));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("eventId").GetString()!));
            token = page.GetProperty("continuationToken").GetString();
        }
        while (token is not null);
        Assert.Equal(["evt_0", "evt_1", "evt_2", "evt_3", "evt_4"], seen.Order().ToList());
    }

    [Fact]
    public async Task Discard_KeepsTheRecordAndItsAudit_AndForbidsReplay()
    {
        await RecordAsync("evt_d");
        var id = $"{_connector}:evt_d";

        var discard = await _app.Admin().SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/admin/dead-letters/{id}")
        {
            Content = JsonContent.Create(new { by = "carol", comment = "member left" }),
        });
        var replay = await _app.Admin().PostAsync($"/api/admin/dead-letters/{id}/replay", null);

        Assert.Equal(HttpStatusCode.OK, discard.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        var full = await _app.GetJsonAsync($"/api/admin/dead-letters/{id}");
        Assert.Equal("discarded", full.GetProperty("deadLetter").GetProperty("state").GetString());
        Assert.Equal("carol", full.GetProperty("deadLetter").GetProperty("discardedBy").GetString());
        var history = full.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["discarded", "failed"], history.Select(h => h.GetProperty("action").GetString()));
        var entry = history[0];
        Assert.Equal("member left", entry.GetProperty("comment").GetString());
        var discardedList = await _app.GetJsonAsync($"/api/admin/dead-letters?connectorId={_connector}&state=discarded");
        Assert.Single(discardedList.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task UnknownId_Is404_AndABadFilter_Is400WithTheField()
    {
        var missing = await _app.Admin().GetAsync($"/api/admin/dead-letters/{_connector}:nope");
        var replayMissing = await _app.Admin().PostAsync($"/api/admin/dead-letters/{_connector}:nope/replay", null);
        var badState = await _app.Admin().GetAsync("/api/admin/dead-letters?state=lost");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, replayMissing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badState.StatusCode);
        var problem = await badState.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("state", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task RecordFailure_ConcurrentlyForOneEvent_LosesNoAttempt()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => RecordAsync("evt_c")));

        var full = await _app.GetJsonAsync($"/api/admin/dead-letters/{_connector}:evt_c");
        Assert.Equal(8, full.GetProperty("deadLetter").GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task EventIdsWithCharactersForbiddenInKeys_AreStoredAndFound()
    {
        const string odd = "evt/with\\odd#chars?and%";
        await RecordAsync(odd);

        var response = await _app.Admin().GetAsync($"/api/admin/dead-letters/{Uri.EscapeDataString($"{_connector}:{odd}")}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var full = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(odd, full.GetProperty("deadLetter").GetProperty("eventId").GetString());
    }

    private Task RecordAsync(string eventId, string type = "coworks.webhook", string? connector = null)
    {
        var envelope = LocalFunctionApp.Event(connector ?? _connector, eventId) with { Type = type };
        return _app.Services.GetRequiredService<IDeadLetterStore>().RecordFailureAsync(new DeadLetterFailure
        {
            Envelope = envelope,
            Reason = "UnknownConnector",
            ErrorDescription = "test",
            Source = DeadLetterSources.ProcessEvent,
            Attempts = 1,
            FailedAt = DateTimeOffset.UtcNow,
        }, CancellationToken.None);
    }

    public void Dispose() => _app.Dispose();
}
