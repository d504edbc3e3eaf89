using System.Globalization;
using System.Text.RegularExpressions;
using CoworkSync.BrowserTests.Infrastructure;
using CoworkSync.Messaging.DeadLetters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CoworkSync.BrowserTests.Console;

/// <summary>The overview: the health of /api/health, the last 24 hours' events, the dead letters waiting, and every connector with its state and last sync.</summary>
[Collection(ConsoleSiteCollection.Name)]
public sealed class ConsoleOverviewTests(ConsoleSite site)
{
    [Fact]
    public async Task Overview_ShowsHealthAndEachConnectorsState()
    {
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey);

        var health = page.GetByRole(AriaRole.Region, new() { Name = "Health" });
        Assert.Equal("Healthy: every dependency answers.", (await health.Locator("#health-summary").TextContentAsync())!.Trim());
        Assert.Contains("Table storage", await health.TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("Events queue", await health.TextContentAsync(), StringComparison.Ordinal);

        var rows = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row);
        var coworks = rows.Filter(new() { HasText = ConsoleSite.CoworksName });
        Assert.Contains("Coworks", await coworks.TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("secrets set", await coworks.TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("succeeded 2026-12-05 09:30 UTC, 10 members seen", await coworks.TextContentAsync(), StringComparison.Ordinal);
        var cobot = rows.Filter(new() { HasText = ConsoleSite.CobotName });
        Assert.Contains("not connected", await cobot.TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("none yet", await cobot.TextContentAsync(), StringComparison.Ordinal);

        await watched.AssertAccessibleAsync();
        watched.AssertNoErrors();
    }

    [Fact]
    public async Task Overview_ShowsTheLastDaysEventsAsAChartWithItsNumbersReachableByKeyboard()
    {
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey);

        var events = page.GetByRole(AriaRole.Region, new() { Name = "Events" });
        var chart = events.GetByRole(AriaRole.Img);
        await Assertions.Expect(chart).ToHaveAccessibleNameAsync(new Regex(@"^Last 24 hours: \d+ accepted, \d+ applied, \d+ retried, \d+ dead-lettered\.$"));
        Assert.True(await chart.Locator("rect").CountAsync() >= ConsoleSite.SeededHours.Count);
        var table = events.GetByRole(AriaRole.Table, new() { Name = "Events per hour, the last 24 hours (UTC), newest first" });
        await Assertions.Expect(table).Not.ToBeVisibleAsync();

        await events.Locator("summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(table).ToBeVisibleAsync();
        Assert.Equal(24, await table.Locator("tbody tr").CountAsync());
        foreach (var (hoursAgo, accepted, applied, retried, deadLettered) in ConsoleSite.SeededHours)
        {
            var hour = site.EventsSeededAt.AddHours(-hoursAgo).UtcDateTime.ToString("dd MMM HH:mm 'UTC'", CultureInfo.InvariantCulture);
            var row = table.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = hour, Exact = true }) });
            var cells = await row.GetByRole(AriaRole.Cell).AllTextContentsAsync();
            Assert.Equal(new[] { accepted, applied, retried, deadLettered }.Select(n => n.ToString(CultureInfo.InvariantCulture)), cells.Select(c => c.Trim()));
        }
        await watched.AssertAccessibleAsync();
        watched.AssertNoErrors();
    }

    [Fact]
    public async Task Overview_CountsTheDeadLettersWaiting_AndLinksToThem()
    {
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey);
        var before = await WaitingAsync(page);

        var store = site.App.Services.GetRequiredService<IDeadLetterStore>();
        var deadLetter = await store.RecordFailureAsync(new DeadLetterFailure
        {
            RawMessage = "{\"not\": \"an event\"}",
            MessageId = "browser-overview-" + Guid.NewGuid().ToString("N"),
            Reason = "MaxDeliveryCountExceeded",
            Source = DeadLetterSources.DeadLetterQueue,
            Attempts = 10,
            FailedAt = DateTimeOffset.UtcNow,
        }, CancellationToken.None);
        try
        {
            await page.ReloadAsync();

            Assert.Equal(before + 1, await WaitingAsync(page));
            var review = page.GetByRole(AriaRole.Link, new() { Name = "Review the dead letters" });
            Assert.EndsWith("/console/dead-letters", await review.GetAttributeAsync("href"), StringComparison.Ordinal);
            await watched.AssertAccessibleAsync();
            watched.AssertNoErrors();
        }
        finally
        {
            await site.App.Services.GetRequiredService<DeadLetterActions>().DiscardAsync(deadLetter.Id, "browser test", null, CancellationToken.None);
        }

        await page.ReloadAsync();
        Assert.Equal(before, await WaitingAsync(page));
    }

    private static async Task<int> WaitingAsync(IPage page)
    {
        var text = (await page.Locator("#dead-letters-waiting").TextContentAsync())!.Trim();
        if (text == "No dead letter is waiting.")
            return 0;
        var match = Regex.Match(text, @"^(\d+) dead letters? (is|are) waiting\.$");
        Assert.True(match.Success, $"Unexpected dead-letter line: {text}");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
