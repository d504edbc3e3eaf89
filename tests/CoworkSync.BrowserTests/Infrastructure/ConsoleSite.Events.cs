using CoworkSync.Messaging.Counters;
using Microsoft.Extensions.DependencyInjection;

namespace CoworkSync.BrowserTests.Infrastructure;

/// <summary>The overview's last 24 hours: counts as another process would have written them (no webhooks are sent).</summary>
public sealed partial class ConsoleSite
{
    /// <summary>The process id the seeded counts are written under (not this app's own).</summary>
    public const string SeededInstance = "browser-seed";

    /// <summary>The hours ago, and the counts written for them (accepted, applied, retried, dead-lettered).</summary>
    public static readonly IReadOnlyList<(int HoursAgo, long Accepted, long Applied, long Retried, long DeadLettered)> SeededHours =
    [
        (20, 4, 4, 0, 0),
        (14, 9, 8, 2, 1),
        (9, 12, 12, 1, 0),
        (3, 6, 5, 3, 1),
        (2, 15, 15, 0, 0),
    ];

    /// <summary>The hour the seeded hours count back from (the hour the site started in).</summary>
    public DateTimeOffset EventsSeededAt { get; private set; }

    private async Task SeedEventCountsAsync()
    {
        var store = App.Services.GetRequiredService<EventCountStore>();
        EventsSeededAt = HourTotals.HourOf(App.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        foreach (var (hoursAgo, accepted, applied, retried, deadLettered) in SeededHours)
            await store.WriteAsync(SeededInstance, new HourTotals(EventsSeededAt.AddHours(-hoursAgo), accepted, applied, retried, deadLettered), CancellationToken.None);
    }
}
