namespace CoworkSync.Functions.Hosting.Local;

/// <summary>
/// The moment the host has started and its server listens. Local mode's queue pump and timers begin there, so their
/// first storage round trips and the functions they build do not run before the app answers its first request.
/// </summary>
public static class ServerStarted
{
    public static async Task WaitAsync(IHostApplicationLifetime lifetime, CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
    }
}
