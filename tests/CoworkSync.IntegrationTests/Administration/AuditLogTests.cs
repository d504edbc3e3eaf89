using CoworkSync.Administration.Audit;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.IntegrationTests.Administration;

/// <summary>The audit log's table layout in real Table Storage: newest first across month partitions, paged, filtered.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AuditLogTests(AzuriteFixture azurite) : IDisposable
{
    private readonly LocalFunctionApp _app = new(azurite.ConnectionString);
    private readonly string _connector = "aud-" + Guid.NewGuid().ToString("N")[..8];

    private AuditLog Log => _app.Services.GetRequiredService<AuditLog>();

    [Fact]
    public async Task List_GoesBackMonthByMonth_NewestFirst_APageAtATime()
    {
        // Months with a gap, and two entries within one month, written out of order.
        DateTimeOffset[] times =
        [
            new(2019, 3, 10, 8, 0, 0, TimeSpan.Zero),
            new(2019, 1, 31, 23, 59, 0, TimeSpan.Zero),
            new(2019, 3, 20, 8, 0, 0, TimeSpan.Zero),
            new(2018, 12, 1, 0, 0, 0, TimeSpan.Zero),
            new(2019, 6, 1, 12, 0, 0, TimeSpan.Zero),
        ];
        foreach (var at in times)
            await Log.RecordAsync(Entry(at, _connector), CancellationToken.None);

        var seen = new List<DateTimeOffset>();
        var pages = 0;
        string? token = null;
        do
        {
            var page = await Log.ListAsync(new AuditQuery(2, token, ConnectorId: _connector), CancellationToken.None);
            Assert.True(page.Items.Count <= 2);
            seen.AddRange(page.Items.Select(e => e.At));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null && pages < 10);

        Assert.Equal(times.OrderDescending(), seen);
        Assert.Null(token);
    }

    [Fact]
    public async Task List_FiltersByAreaAndConnector_AndKeepsEveryField()
    {
        var at = new DateTimeOffset(2019, 2, 2, 9, 0, 0, TimeSpan.Zero);
        var other = _connector + "-other";
        await Log.RecordAsync(Entry(at, _connector) with
        {
            Area = AuditAreas.Connectors,
            Changes = [new AuditChange("settings.autoProvision", "true", "false")],
            SecretsSet = ["apiKey"],
            Comment = "why",
            Actor = AuditActor.InConsole("Grace Hopper", "Operator"),
        }, CancellationToken.None);
        await Log.RecordAsync(Entry(at.AddMinutes(1), _connector) with { Area = AuditAreas.DeadLetters }, CancellationToken.None);
        await Log.RecordAsync(Entry(at.AddMinutes(2), other), CancellationToken.None);

        var connectors = await Log.ListAsync(new AuditQuery(50, Area: AuditAreas.Connectors, ConnectorId: _connector), CancellationToken.None);
        var both = await Log.ListAsync(new AuditQuery(50, ConnectorId: _connector), CancellationToken.None);

        var entry = Assert.Single(connectors.Items);
        Assert.Equal(AuditActor.InConsole("Grace Hopper", "Operator"), entry.Actor);
        Assert.Equal([new AuditChange("settings.autoProvision", "true", "false")], entry.Changes);
        Assert.Equal(["apiKey"], entry.SecretsSet);
        Assert.Equal("why", entry.Comment);
        Assert.Equal(at, entry.At);
        Assert.Equal([AuditAreas.DeadLetters, AuditAreas.Connectors], both.Items.Select(e => e.Area));
    }

    [Fact]
    public async Task List_WithATokenItDidNotGive_IsEmpty() =>
        Assert.Empty((await Log.ListAsync(new AuditQuery(10, "bm8tYmFy"), CancellationToken.None)).Items);

    private static AuditEntry Entry(DateTimeOffset at, string connectorId) => new()
    {
        At = at,
        Actor = AuditActor.ThroughAdminApi("carol"),
        Area = AuditAreas.Connectors,
        Action = AuditActions.ConnectorUpdated,
        Target = connectorId,
        ConnectorId = connectorId,
        Summary = "test entry",
    };

    public void Dispose() => _app.Dispose();
}
