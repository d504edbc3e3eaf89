namespace CoworkSync.IntegrationTests.Support;

/// <summary>Waits for state that background processing reaches; the limit is generous because CI machines are shared.</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(30);

    public static async Task<T> GetAsync<T>(Func<Task<T>> read, Func<T, bool> isDone, string what, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? DefaultLimit);
        while (true)
        {
            var value = await read();
            if (isDone(value))
                return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Still waiting for {what} after {(limit ?? DefaultLimit).TotalSeconds:0} s; last seen: {Describe(value)}");
            await Task.Delay(50);
        }
    }

    private static string Describe<T>(T value)
    {
        var text = value?.ToString() ?? "null";
        return text.Length > 2000 ? text[..2000] + "…" : text;
    }

    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? limit = null) =>
        GetAsync(() => Task.FromResult(condition()), done => done, what, limit);
}
