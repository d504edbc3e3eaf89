using System.Reflection;
using System.Text.RegularExpressions;
using CoworkSync.Functions.Hosting.Invocation;
using CoworkSync.Messaging.Processing;
using CoworkSync.UnitTests.Support;
using Microsoft.Extensions.Logging;

namespace CoworkSync.UnitTests.Conventions;

/// <summary>
/// Every <see cref="LoggerMessageAttribute"/> in the product assemblies (found by reflection, so a new one cannot be
/// missed) has an id and a name of its own, in an id range that docs/logging.md gives an area.
/// </summary>
public sealed partial class LogEventTests
{
    private static readonly Assembly[] Product = [typeof(EventProcessor).Assembly, typeof(FunctionInvoker).Assembly];

    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;

    private static List<(string Method, LoggerMessageAttribute Event)> LogEvents() =>
        [.. from assembly in Product
            from type in assembly.GetTypes()
            from method in type.GetMethods(Declared)
            let attribute = method.GetCustomAttribute<LoggerMessageAttribute>()
            where attribute is not null
            select ($"{type.FullName}.{method.Name}", attribute)];

    [Fact]
    public void TheProductAssemblies_DeclareTheirLogEvents()
    {
        var events = LogEvents();

        Assert.True(events.Count >= 50, $"only {events.Count} log events found: is an assembly missing?");
        Assert.Contains(events, e => e.Method.EndsWith("CobotClientLog.Throttled", StringComparison.Ordinal));
        Assert.Contains(events, e => e.Method.EndsWith("FunctionInvoker.LogInvoked", StringComparison.Ordinal));
    }

    [Fact]
    public void EveryLogEvent_HasAnIdAndAName()
    {
        var incomplete = LogEvents().Where(e => e.Event.EventId <= 0 || string.IsNullOrWhiteSpace(e.Event.EventName)).Select(e => e.Method);

        Assert.Empty(incomplete);
    }

    [Fact]
    public void NoTwoLogEvents_ShareAnId()
    {
        var shared = LogEvents().GroupBy(e => e.Event.EventId).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => e.Method))}");

        Assert.Empty(shared);
    }

    [Fact]
    public void NoTwoLogEvents_ShareAName()
    {
        var shared = LogEvents().Where(e => e.Event.EventName is not null).GroupBy(e => e.Event.EventName, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => e.Method))}");

        Assert.Empty(shared);
    }

    [Fact]
    public void EveryEventId_IsInARangeDocsLoggingGivesAnArea()
    {
        var ranges = DocumentedRanges();
        Assert.NotEmpty(ranges);

        var outside = LogEvents().Where(e => !ranges.Any(r => e.Event.EventId >= r.First && e.Event.EventId <= r.Last))
            .Select(e => $"{e.Event.EventId}: {e.Method}");

        Assert.Empty(outside);
    }

    [Fact]
    public void TheDocumentedRanges_DoNotOverlap()
    {
        var ranges = DocumentedRanges().OrderBy(r => r.First).ToList();

        for (var i = 1; i < ranges.Count; i++)
            Assert.True(ranges[i].First > ranges[i - 1].Last, $"{ranges[i - 1].First}-{ranges[i - 1].Last} overlaps {ranges[i].First}-{ranges[i].Last}");
    }

    private static List<(int First, int Last)> DocumentedRanges() =>
        [.. File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "docs", "logging.md"))
            .Select(line => RangeRow().Match(line))
            .Where(match => match.Success)
            .Select(match => (int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)))];

    [GeneratedRegex(@"^\| (\d+)-(\d+) \|")]
    private static partial Regex RangeRow();
}
