using System.Text.Json;
using CoworkSync.Functions.Hosting.Definitions;
using CoworkSync.Functions.Hosting.Invocation;
using CoworkSync.Functions.Hosting.Local;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
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

        var time = new TimerWatchingTimeProvider(new DateTimeOffset(2026, 11, 23, 3, 16, 0, TimeSpan.Zero));
        var fired = new TaskCompletionSource<(InvocationRequest Request, DateTimeOffset At)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var function = new Mock<IInvocationFunction>();
        function.SetupGet(f => f.Name).Returns("PurgeProcessedEvents");
        function.Setup(f => f.InvokeAsync(It.IsAny<InvocationRequest>(), It.IsAny<CancellationToken>()))
            .Callback<InvocationRequest, CancellationToken>((r, _) => fired.TrySetResult((r, time.GetUtcNow())))
            .ReturnsAsync(InvocationResult.Success("ok"));
        var invoker = new FunctionInvoker([function.Object], time, NullLogger<FunctionInvoker>.Instance);
        using var scheduler = new LocalTimerScheduler(invoker, new ConfigurationBuilder().Build(), StartedLifetime(), time, NullLogger<LocalTimerScheduler>.Instance);

        await scheduler.StartAsync(CancellationToken.None);
        await time.TimerCreated.WaitAsync(TimeSpan.FromSeconds(30));
        time.Advance(TimeSpan.FromMinutes(1));
        var (request, at) = await fired.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await scheduler.StopAsync(CancellationToken.None);

        var due = new DateTimeOffset(2026, 11, 23, 3, 17, 0, TimeSpan.Zero);
        Assert.Equal(due, at);
        var timer = TimerTriggerInput.Read(request, "timer");
        Assert.False(timer.IsPastDue);
        Assert.Equal(due, timer.Next);
        Assert.Equal("PurgeProcessedEvents", request.Metadata["sys"].GetProperty("MethodName").GetString());
        Assert.Equal(JsonValueKind.Object, request.Data["timer"].GetProperty("ScheduleStatus").ValueKind);
    }

    /// <summary>Fake time that says when the scheduler has started waiting, so the test moves the clock only then.</summary>
    private sealed class TimerWatchingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
    {
        private readonly TaskCompletionSource _timerCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task TimerCreated => _timerCreated.Task;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            _timerCreated.TrySetResult();
            return timer;
        }
    }

    [Fact]
    public void AppSettingExpression_ResolvesPercentNames_AndRefusesMissingOnes()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Sync:Schedule"] = "0 */5 * * * *" }).Build();

        Assert.Equal("0 */5 * * * *", AppSettingExpression.Resolve("%Sync__Schedule%", configuration));
        Assert.Equal("events/$DeadLetterQueue", AppSettingExpression.Resolve("events/$DeadLetterQueue", configuration));
        Assert.Throws<InvalidOperationException>(() => AppSettingExpression.Resolve("%Missing%", configuration));
    }

    private static IHostApplicationLifetime StartedLifetime()
    {
        var lifetime = new Mock<IHostApplicationLifetime>();
        lifetime.SetupGet(l => l.ApplicationStarted).Returns(new CancellationToken(canceled: true));
        return lifetime.Object;
    }
}
