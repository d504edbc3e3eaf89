using System.Globalization;
using Azure.Data.Tables;
using CoworkSync.IntegrationTests.Infrastructure;
using CoworkSync.IntegrationTests.Reliability.Harness;
using Xunit.Abstractions;

namespace CoworkSync.IntegrationTests.Reliability.Soak;

/// <summary>
/// The soak (<see cref="SoakRun"/>): 2 minutes in the test command; <c>bash scripts/soak.sh --minutes 30</c> runs it
/// longer (COWORKSYNC_SOAK_MINUTES) and keeps its CSV and memory plot in <c>.data/soak/</c> (COWORKSYNC_SOAK_OUTPUT).
/// At the end the books balance, no request got a 5xx, and every sync succeeded.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Reliability")]
[Trait("Category", "Soak")]
public sealed class SoakTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task MixedLoad_ForTheGivenMinutes_KeepsTheBooks_WithNoServerError()
    {
        var minutes = int.TryParse(Environment.GetEnvironmentVariable("COWORKSYNC_SOAK_MINUTES"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var m) && m > 0 ? m : 2;
        await using var space = await CoworksSpaceOfApp.StartAsync("soak");
        await using var app = await AppProcess.StartAsync(azurite.ConnectionString);
        await space.ConnectAsync(app);
        var folder = Environment.GetEnvironmentVariable("COWORKSYNC_SOAK_OUTPUT");
        if (folder is { Length: > 0 })
            Directory.CreateDirectory(folder);
        void Print(string line)
        {
            output.WriteLine(line);
            if (folder is { Length: > 0 })
                File.AppendAllText(Path.Combine(folder, "soak.log"), line + Environment.NewLine);
        }

        var run = new SoakRun(app, space, new TableServiceClient(azurite.ConnectionString), Print);
        var books = await run.RunAsync(TimeSpan.FromMinutes(minutes));

        if (folder is { Length: > 0 })
            foreach (var file in run.Write(folder))
                Print($"wrote {file}");
        books.AssertBalanced($"the {minutes}-minute soak");
        var last = run.Minutes[^1];
        Assert.Equal(0, last.ServerErrors);
        Assert.Equal(0, last.SyncsFailed);
        Assert.True(last.Accepted > minutes * 60, $"only {last.Accepted} webhooks accepted in {minutes} minutes");
    }
}
