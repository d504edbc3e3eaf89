using System.Text.Json;
using CoworkSync.Functions.Hosting.Invocation;
using CoworkSync.Functions.Hosting.Local;
using CoworkSync.Functions.Hosting.Definitions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CoworkSync.UnitTests.Hosting;

/// <summary>Local mode fires timer functions on the schedules of their function.json, with the host's payload shape.</summary>
public sealed class LocalTimerSchedulerTests
{
    [Fact]
    public async Task Scheduler_FiresPurgeProcessedEvents_AtItsScheduledTime_WithATimerPayload()
    {
        var definition = FunctionDefinitions.Load(LocalTimerScheduler.DefinitionsRoot).Single(d => d.Name == "PurgeProcessedEvents");
        Assert.Equal("0 17 3 * * *", FunctionDefinition.Text(definition.Trigger!.Value, "schedule"));

        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 3, 16, 0, TimeSpan.Zero));
        var fired = new TaskCompletionSource<(InvocationRequest Request, DateTimeOffset At)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var function = new Mock<IInvocationFunction>();
        function.SetupGet(f => f.Name).Returns("PurgeProcessedEvents");
        function.Setup(f => f.InvokeAsync(It.IsAny<InvocationRequest>(), It.IsAny<CancellationToken>()))
            .Callback<InvocationRequest, CancellationToken>((r, _) => fired.TrySetResult((r, time.GetUtcNow())))
            .ReturnsAsync(InvocationResult.Success("ok"));
        var invoker = new FunctionInvoker([function.Object], NullLogger<FunctionInvoker>.Instance);
        using var scheduler = new LocalTimerScheduler(invoker, new ConfigurationBuilder().Build(), time, NullLogger<LocalTimerScheduler>.Instance);

        await scheduler.StartAsync(CancellationToken.None);
        for (var i = 0; i < 120 && !fired.Task.IsCompleted; i++)
        {
            await Task.Delay(25);
            time.Advance(TimeSpan.FromSeconds(1));
        }
        await scheduler.StopAsync(CancellationToken.None);

        Assert.True(fired.Task.IsCompleted, "the timer did not fire");
        var (request, at) = await fired.Task;
        var due = new DateTimeOffset(2026, 11, 23, 3, 17, 0, TimeSpan.Zero);
        Assert.InRange(at, due, due.AddSeconds(2));
        var timer = TimerTriggerInput.Read(request, "timer");
        Assert.False(timer.IsPastDue);
        Assert.Equal(due, timer.Next);
        Assert.Equal("PurgeProcessedEvents", request.Metadata["sys"].GetProperty("MethodName").GetString());
        Assert.Equal(JsonValueKind.Object, request.Data["timer"].GetProperty("ScheduleStatus").ValueKind);
    }

    [Fact]
    public void AppSettingExpression_ResolvesPercentNames_AndRefusesMissingOnes()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Sync:Schedule"] = "0 */5 * * * *" }).Build();

        Assert.Equal("0 */5 * * * *", AppSettingExpression.Resolve("%Sync__Schedule%", configuration));
        Assert.Equal("events/$DeadLetterQueue", AppSettingExpression.Resolve("events/$DeadLetterQueue", configuration));
        Assert.Throws<InvalidOperationException>(() => AppSettingExpression.Resolve("%Missing%", configuration));
    }
}
