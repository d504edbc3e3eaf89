using CoworkSync.BrowserTests.Infrastructure;
using CoworkSync.IntegrationTests.Support;
using CoworkSync.Messaging.DeadLetters;
using CoworkSync.Messaging.Processing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CoworkSync.BrowserTests.Console.DeadLetters;

/// <summary>
/// Support replays a dead letter and sees its event applied, and discards another, each through the confirm page; the
/// list filters and the detail shows the decoded event and every attempt.
/// </summary>
[Collection(ConsoleSiteCollection.Name)]
public sealed class DeadLetterPagesTests(ConsoleSite site)
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Replay_FromTheDetailPage_AppliesTheEvent_AndDiscard_FromTheList_KeepsIt()
    {
        var replayed = await RecordAsync("evt_replay_" + _run);
        var discarded = await RecordAsync("evt_discard_" + _run);
        await using var watched = await site.OpenAsync();
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey, "Support");

        await page.GotoAsync("/console/dead-letters?state=open&type=" + ScriptedHandler.Type);
        var list = page.Locator("#dead-letters");
        await Expect(list).ToContainTextAsync(replayed);
        await Expect(list).ToContainTextAsync(discarded);
        await watched.AssertAccessibleAsync();

        await list.GetByRole(AriaRole.Row).Filter(new() { HasText = replayed }).GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page.Locator("#history")).ToContainTextAsync("UnknownConnector");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(replayed);
        await watched.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Replay…" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Replay dead letters");
        await watched.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Replay 1 dead letter" }).ClickAsync();
        await Expect(page.Locator("#action-result")).ToContainTextAsync("Replayed 1 of 1 dead letter.");
        await WaitUntilAppliedAsync(replayed);

        await page.GotoAsync("/console/dead-letters?state=open&type=" + ScriptedHandler.Type);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = $"Select {ScriptedHandler.Type} {discarded}" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Discard selected…" }).ClickAsync();
        await Expect(page.Locator("#selected")).ToContainTextAsync(discarded);
        await page.GetByRole(AriaRole.Button, new() { Name = "Discard 1 dead letter" }).ClickAsync();
        await Expect(page.Locator("#action-results")).ToContainTextAsync("discarded");
        Assert.Equal(0, site.App.Handler.AppliedCount(discarded));

        await page.GotoAsync("/console/dead-letters?state=discarded&type=" + ScriptedHandler.Type);
        await Expect(page.Locator("#dead-letters")).ToContainTextAsync(discarded);
        watched.AssertNoErrors();
    }

    [Fact]
    public async Task Replay_WithTheKeyboardAlone_AtPhoneWidth()
    {
        var id = await RecordAsync("evt_keys_" + _run);
        await using var watched = await site.OpenAsync(390, 844);
        var page = watched.Page;
        await new ConsoleSignIn(page).SignInAsync(ConsoleSite.AdminKey, "Support");
        await page.GotoAsync("/console/dead-letters?state=open&type=" + ScriptedHandler.Type);
        await watched.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Checkbox, new() { Name = $"Select {ScriptedHandler.Type} {id}" }).FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.GetByRole(AriaRole.Button, new() { Name = "Replay selected…" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Replay 1 dead letter" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Replay 1 dead letter" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#action-result")).ToContainTextAsync("Replayed 1 of 1 dead letter.");
        await WaitUntilAppliedAsync(id);
        await watched.AssertAccessibleAsync();
        watched.AssertNoErrors();
    }

    /// <summary>A scripted event dead-lettered as if its connector had been missing; replayed, the handler applies it.</summary>
    private async Task<string> RecordAsync(string eventId)
    {
        await site.App.Services.GetRequiredService<IDeadLetterStore>().RecordFailureAsync(new DeadLetterFailure
        {
            Envelope = LocalFunctionApp.Event(ConsoleSite.CoworksConnector, eventId),
            Reason = DeadLetterReasons.UnknownConnector,
            ErrorDescription = $"Connector '{ConsoleSite.CoworksConnector}' did not exist yet.",
            Source = DeadLetterSources.ProcessEvent,
            Attempts = 1,
            FailedAt = DateTimeOffset.UtcNow,
        }, CancellationToken.None);
        return eventId;
    }

    private async Task WaitUntilAppliedAsync(string eventId)
    {
        // The local queue applies the replayed event in the background: wait for it, however slow the machine.
        for (var i = 0; i < 600 && site.App.Handler.AppliedCount(eventId) == 0; i++)
            await Task.Delay(100);
        Assert.Equal(1, site.App.Handler.AppliedCount(eventId));
    }
}
