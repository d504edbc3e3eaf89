using CoworkSync.Functions.Hosting.Local;
using CoworkSync.State.CrashPoints;
using CoworkSync.UnitTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoworkSync.UnitTests.Hosting;

/// <summary>The reliability tests' crash points stop nothing unless local mode is told to, by both of its settings.</summary>
public sealed class CrashPointsTests
{
    [Fact]
    public void LocalMode_WithoutTheSettings_HasTheInertCrashPoints()
    {
        using var app = FunctionAppFactory.LocalMode();

        Assert.IsType<NoCrashPoints>(app.Services.GetRequiredService<ICrashPoints>());
    }

    [Fact]
    public void UnderTheFunctionsHost_TheSettingsAreIgnored()
    {
        using var app = new FunctionAppFactory(new Dictionary<string, string?>(UnderHost())
        {
            [LocalCrashPoints.PointSetting] = nameof(CrashPoint.AfterClaim),
            [LocalCrashPoints.EventIdSetting] = "evt_1",
        });

        Assert.IsType<NoCrashPoints>(app.Services.GetRequiredService<ICrashPoints>());
    }

    [Fact]
    public void LocalMode_WithBothSettings_StopsThere()
    {
        using var app = new FunctionAppFactory(new Dictionary<string, string?>(Local())
        {
            [LocalCrashPoints.PointSetting] = nameof(CrashPoint.BeforeMarkApplied),
            [LocalCrashPoints.EventIdSetting] = "evt_1",
        });

        Assert.IsType<LocalCrashPoints>(app.Services.GetRequiredService<ICrashPoints>());
    }

    [Theory]
    [InlineData("Sometimes", "evt_1")]
    [InlineData("AfterClaim", "")]
    public void LocalMode_WithAnUnknownPointOrNoEvent_DoesNotStart(string point, string eventId)
    {
        using var app = new FunctionAppFactory(new Dictionary<string, string?>(Local())
        {
            [LocalCrashPoints.PointSetting] = point,
            [LocalCrashPoints.EventIdSetting] = eventId,
        });

        var error = Assert.Throws<InvalidOperationException>(() => app.Services);
        Assert.Contains("CrashPoint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheInertCrashPoints_ReturnAtOnce_EverywhereForEveryEvent()
    {
        var none = new NoCrashPoints();
        foreach (var point in Enum.GetValues<CrashPoint>())
            Assert.True(none.ReachedAsync(point, "evt_1", CancellationToken.None).IsCompletedSuccessfully);
        await Task.CompletedTask;
    }

    [Fact]
    public void LocalCrashPoints_ReturnAtOnce_ForAnotherPointOrEvent_AndLeaveNoMarker()
    {
        var folder = Directory.CreateTempSubdirectory("coworksync-crash-").FullName;
        var points = new LocalCrashPoints(CrashPoint.AfterClaim, "evt_1", folder, NullLogger<LocalCrashPoints>.Instance);

        Assert.True(points.ReachedAsync(CrashPoint.BeforeMarkApplied, "evt_1", CancellationToken.None).IsCompletedSuccessfully);
        Assert.True(points.ReachedAsync(CrashPoint.AfterClaim, "evt_2", CancellationToken.None).IsCompletedSuccessfully);
        Assert.True(points.ReachedAsync(CrashPoint.AfterClaim, null, CancellationToken.None).IsCompletedSuccessfully);
        Assert.False(File.Exists(Path.Combine(folder, LocalCrashPoints.MarkerFileName)));
    }

    private static Dictionary<string, string?> Local() => new()
    {
        ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
        ["LocalMode:FunctionKey"] = FunctionAppFactory.FunctionKey,
        ["LocalData:Path"] = Path.Combine(Path.GetTempPath(), "coworksync-unit-" + Guid.NewGuid().ToString("N")),
    };

    private static Dictionary<string, string?> UnderHost() => new()
    {
        ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "7777",
        ["ServiceBusConnection:fullyQualifiedNamespace"] = "unit-test.servicebus.windows.net",
        ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
        ["KeyVault:VaultUri"] = "https://unit-test.vault.azure.net/",
        ["Email:SmtpHost"] = "smtp.unit-test.example",
        ["Email:SenderAddress"] = "wifi@unit-test.example",
    };
}
