using CoworkSync.State.CrashPoints;

namespace CoworkSync.Functions.Hosting.Local;

/// <summary>
/// Local mode's crash points, for the reliability tests that kill the app at a known moment: when the event named by
/// <c>LocalMode__CrashPointEventId</c> reaches the point named by <c>LocalMode__CrashPoint</c>, the app logs it, writes
/// <c>{LocalData}/crash-point-reached</c> and stops there for good, until the test kills it. Registered only in local
/// mode and only when both settings are set; the product's crash points do nothing.
/// </summary>
public sealed partial class LocalCrashPoints(CrashPoint point, string eventId, string dataPath, ILogger<LocalCrashPoints> logger) : ICrashPoints
{
    public const string PointSetting = "LocalMode:CrashPoint";
    public const string EventIdSetting = "LocalMode:CrashPointEventId";
    public const string MarkerFileName = "crash-point-reached";

    /// <summary>The crash points the settings ask for, or null when they ask for none.</summary>
    public static Func<IServiceProvider, LocalCrashPoints>? FromSettings(IConfiguration configuration, string dataPath)
    {
        var pointName = configuration[PointSetting];
        if (string.IsNullOrWhiteSpace(pointName))
            return null;
        if (!Enum.TryParse<CrashPoint>(pointName, ignoreCase: false, out var point) || !Enum.IsDefined(point))
            throw new InvalidOperationException($"'{PointSetting}' is '{pointName}'; it must be one of {string.Join(", ", Enum.GetNames<CrashPoint>())}.");
        var eventId = configuration[EventIdSetting];
        if (string.IsNullOrWhiteSpace(eventId))
            throw new InvalidOperationException($"'{PointSetting}' is set, so '{EventIdSetting}' must name the event to stop at.");
        return provider => new LocalCrashPoints(point, eventId, dataPath, provider.GetRequiredService<ILogger<LocalCrashPoints>>());
    }

    public async ValueTask ReachedAsync(CrashPoint reached, string? reachedEventId, CancellationToken cancellationToken)
    {
        if (reached != point || !string.Equals(reachedEventId, eventId, StringComparison.Ordinal))
            return;
        LogStopped(point, eventId);
        Directory.CreateDirectory(dataPath);
        await File.WriteAllTextAsync(Path.Combine(dataPath, MarkerFileName), $"{point} {eventId}\n", CancellationToken.None);
        // Here until the test kills the process: neither the delivery's timeout nor a shutdown may move it on.
        await new TaskCompletionSource().Task;
    }

    [LoggerMessage(EventId = 420, EventName = "LocalCrashPointReached", Level = LogLevel.Critical, Message = "Crash point {CrashPoint} reached by event {EventId}: stopped here until the process is killed")]
    private partial void LogStopped(CrashPoint crashPoint, string eventId);
}
