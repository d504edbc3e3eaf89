namespace CoworkSync.Connectors.Seam;

/// <summary>A platform's <c>Retry-After</c> header, as seconds or as an HTTP date.</summary>
public static class RetryAfterHeader
{
    /// <summary>The wait <paramref name="response"/> asks for (never negative); null when it does not say.</summary>
    public static TimeSpan? Read(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - now : null);
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }
}
