using CoworkSync.Connectors;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.Messaging.Processing;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.IntegrationTests.Messaging.Processing;

/// <summary>The daily purge forgets only what is past the retention period, in real Table Storage.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RetentionPurgeTests(AzuriteFixture azurite) : IDisposable
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private readonly LocalFunctionApp _app = new(azurite.ConnectionString);
    private readonly string _connector = "purge-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Purge_ForgetsAppliedEventsAndAcceptedWebhooksOlderThanTheCutoff_AndKeepsTheRest()
    {
        var processed = _app.Services.GetRequiredService<ProcessedEventStore>();
        var webhooks = _app.Services.GetRequiredService<AcceptedWebhookStore>();
        var old = Enumerable.Range(0, 3).Select(i => LocalFunctionApp.Event(_connector, $"evt_old_{i}")).ToList();
        var recent = LocalFunctionApp.Event(_connector, "evt_recent");
        foreach (var envelope in old)
            await processed.MarkAppliedAsync(envelope, Now.AddDays(-40), CancellationToken.None);
        await processed.MarkAppliedAsync(recent, Now.AddDays(-1), CancellationToken.None);
        await webhooks.RecordBatchAsync(_connector, [new("evt_old_hook", Now.AddDays(-40)), new("evt_new_hook", Now.AddDays(-1))], CancellationToken.None);

        var purged = await processed.PurgeBeforeAsync(Now.AddDays(-30), CancellationToken.None)
            + await webhooks.PurgeBeforeAsync(Now.AddDays(-30), CancellationToken.None);

        Assert.True(purged >= 4, $"purged {purged}");
        Assert.Equal(EventClaimStatus.Claimed, (await processed.ClaimAsync(old[0], Now, TimeSpan.FromMinutes(5), CancellationToken.None)).Status);
        Assert.Equal(EventClaimStatus.AlreadyApplied, (await processed.ClaimAsync(recent, Now, TimeSpan.FromMinutes(5), CancellationToken.None)).Status);
        Assert.False(await webhooks.WasAcceptedAsync(_connector, "evt_old_hook", CancellationToken.None));
        Assert.True(await webhooks.WasAcceptedAsync(_connector, "evt_new_hook", CancellationToken.None));
    }

    public void Dispose() => _app.Dispose();
}
