using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using CoworkSync.IntegrationTests.Infrastructure;

namespace CoworkSync.IntegrationTests;

[Collection(AzuriteCollection.Name)]
public sealed class AzuriteInstanceTests
{
    private readonly AzuriteFixture _fixture;

    public AzuriteInstanceTests(AzuriteFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Fixture_CreatesTableAndRoundTripsAnEntity()
    {
        var table = new TableClient(_fixture.ConnectionString, "fixturetable" + Suffix());

        await table.CreateIfNotExistsAsync();
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["Name"] = "desk 7" });
        var entity = await table.GetEntityAsync<TableEntity>("p", "r");

        Assert.Equal("desk 7", entity.Value.GetString("Name"));
    }

    [Fact]
    public async Task Fixture_CreatesQueueAndRoundTripsAMessage()
    {
        var queue = new QueueClient(_fixture.ConnectionString, "fixture-queue-" + Suffix());

        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("hello");
        var received = await queue.ReceiveMessageAsync();

        Assert.Equal("hello", received.Value.MessageText);
    }

    [Fact]
    public async Task StopAsync_MakesRequestsFail_And_StartAgainAsync_RestoresService()
    {
        // A private instance, so stopping it does not disturb the shared fixture's data.
        await using var azurite = await AzuriteInstance.StartAsync();
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 0;
        var service = new TableServiceClient(azurite.ConnectionString, options);
        await service.CreateTableIfNotExistsAsync("beforestop");

        await azurite.StopAsync();
        await azurite.StopAsync(); // idempotent

        Assert.False(azurite.IsRunning);
        await Assert.ThrowsAsync<RequestFailedException>(() => service.CreateTableIfNotExistsAsync("whilestopped"));

        await azurite.StartAgainAsync();

        Assert.True(azurite.IsRunning);
        await service.CreateTableIfNotExistsAsync("afterrestart");
        var tables = new List<string>();
        await foreach (var item in service.QueryAsync())
        {
            tables.Add(item.Name);
        }

        // Same ports, fresh in-memory data: the table created before the stop is gone.
        Assert.Equal(["afterrestart"], tables);
    }

    private static string Suffix() => Guid.NewGuid().ToString("N")[..12];
}
