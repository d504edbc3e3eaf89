namespace CoworkSync.IntegrationTests.Infrastructure;

/// <summary>Starting a server on freshly chosen ports, again on new ones when a port was taken in the meantime.</summary>
public static class StartRetry
{
    public const int MaxAttempts = 3;

    /// <param name="create">Makes an instance on fresh ports.</param>
    /// <param name="start">Starts it; throws when it could not.</param>
    /// <param name="portTaken">Whether a start failure means a port was taken (worth another try).</param>
    public static async Task<T> OnFreshPortsAsync<T>(Func<Task<T>> create, Func<T, Task> start, Func<Exception, bool> portTaken)
        where T : IAsyncDisposable
    {
        for (var attempt = 1; ; attempt++)
        {
            var instance = await create();
            try
            {
                await start(instance);
                return instance;
            }
            catch (Exception e) when (attempt < MaxAttempts && portTaken(e))
            {
                await instance.DisposeAsync();
            }
            catch
            {
                await instance.DisposeAsync();
                throw;
            }
        }
    }
}
