using CoworkSync.Functions.Hosting.Definitions;
using CoworkSync.Functions.Hosting.Invocation;
using Cronos;

namespace CoworkSync.Functions.Hosting.Local;

/// <summary>
/// Local mode's timer trigger: fires each timer function on the NCRONTAB schedule of its function.json (UTC,
/// with seconds; <c>%Setting%</c> resolved from settings), honouring <c>runOnStartup</c> and <c>AzureWebJobs.{Name}.Disabled</c>;
/// from the moment the server listens (<see cref="ServerStarted"/>).
/// </summary>
public sealed partial class LocalTimerScheduler(
    FunctionInvoker invoker, IConfiguration configuration, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<LocalTimerScheduler> logger) : BackgroundService
{
    /// <summary>Where the function.json files are: the app's own folder, where the build copies them.</summary>
    public static string DefinitionsRoot => AppContext.BaseDirectory;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await ServerStarted.WaitAsync(lifetime, stoppingToken);
        var timers = FunctionDefinitions.Load(DefinitionsRoot)
            .Where(d => d.TriggerType.Equals("timerTrigger", StringComparison.OrdinalIgnoreCase) && invoker.Exists(d.Name) && !IsDisabled(d.Name))
            .ToList();
        await Task.WhenAll(timers.Select(t => RunAsync(t, stoppingToken)));
    }

    /// <summary>The Functions convention: the setting <c>AzureWebJobs.{FunctionName}.Disabled</c> turns a function off.</summary>
    private bool IsDisabled(string functionName) =>
        bool.TryParse(configuration[$"AzureWebJobs.{functionName}.Disabled"], out var disabled) && disabled;

    private async Task RunAsync(FunctionDefinition definition, CancellationToken stoppingToken)
    {
        var trigger = definition.Trigger!.Value;
        var binding = FunctionDefinition.Text(trigger, "name") ?? "timer";
        var schedule = AppSettingExpression.Resolve(FunctionDefinition.Text(trigger, "schedule") ?? "", configuration);
        var cron = CronExpression.Parse(schedule, CronFormat.IncludeSeconds);
        LogScheduled(definition.Name, schedule);

        DateTimeOffset? last = null;
        if (trigger.TryGetProperty("runOnStartup", out var onStartup) && onStartup.ValueKind == System.Text.Json.JsonValueKind.True)
            last = await FireAsync(definition.Name, binding, last, time.GetUtcNow(), stoppingToken);

        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var next = cron.GetNextOccurrence(now, TimeZoneInfo.Utc);
            if (next is null)
                return;
            try
            {
                await Task.Delay(next.Value - now, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            last = await FireAsync(definition.Name, binding, last, next.Value, stoppingToken);
        }
    }

    private async Task<DateTimeOffset> FireAsync(string name, string binding, DateTimeOffset? last, DateTimeOffset due, CancellationToken stoppingToken)
    {
        var now = time.GetUtcNow();
        var request = HostShapedPayload.Timer(name, binding, last, due, isPastDue: now - due > TimeSpan.FromMinutes(1), now);
        var result = await invoker.InvokeAsync(name, request, stoppingToken);
        if (!result.Succeeded)
            LogFailed(name);
        return now;
    }

    [LoggerMessage(EventId = 410, EventName = "LocalTimerScheduled", Level = LogLevel.Information, Message = "Timer {FunctionName} scheduled: {Schedule} (UTC)")]
    private partial void LogScheduled(string functionName, string schedule);

    [LoggerMessage(EventId = 411, EventName = "LocalTimerFailed", Level = LogLevel.Warning, Message = "Timer {FunctionName} failed; it runs again at its next occurrence")]
    private partial void LogFailed(string functionName);
}
