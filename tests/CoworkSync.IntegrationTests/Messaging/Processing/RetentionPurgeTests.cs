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
    public async Task Purge_ForgetsAppliedEventsOlderThanTheCutoff_AndKeepsTheRest()
    {
        var processed = _app.Services.GetRequiredService<ProcessedEventStore>();
        var old = Enumerable.Range(0, 3).Select(i => LocalFunctionApp.Event(_connector, $"evt_old_{i}")).ToList();
        var recent = LocalFunctionApp.Event(_connector, "evt_recent");
        foreach (var envelope in old)
            await processed.MarkAppliedAsync(envelope, Now.AddDays(-40), CancellationToken.None);
        await processed.MarkAppliedAsync(recent, Now.AddDays(-1), CancellationToken.None);

        var purged = await processed.PurgeBeforeAsync(Now.AddDays(-30), CancellationToken.None);

        Assert.True(purged >= 3, $"purged {purged}");
        Assert.Equal(EventClaimStatus.Claimed, (await processed.ClaimAsync(old[0], Now, TimeSpan.FromMinutes(5), CancellationToken.None)).Status);
        Assert.Equal(EventClaimStatus.AlreadyApplied, (await processed.ClaimAsync(recent, Now, TimeSpan.FromMinutes(5), CancellationToken.None)).Status);
    }

    public void Dispose() => _app.Dispose();
}
