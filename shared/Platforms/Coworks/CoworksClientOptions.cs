namespace CoworkSync.Platforms.Coworks;

/// <summary>
/// How the Coworks HttpClient retries and times out. Settings section <c>Coworks</c>, e.g.
/// <c>Coworks__MaxRetries=4</c>, <c>Coworks__RetryBaseDelay=00:00:01</c>. Tests shrink the delays.
/// </summary>
public sealed class CoworksClientOptions
{
    public const string SectionName = "Coworks";

    /// <summary>Retries after the first attempt (so up to <c>MaxRetries + 1</c> requests).</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>The median delay before the first retry; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest wait between attempts, computed or asked for by <c>Retry-After</c>. When Coworks asks for longer,
    /// the client gives up at once with a transient <see cref="CoworksApiException"/> carrying the wait.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one attempt may take.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a call may take, retries and waits included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    internal IEnumerable<string> Problems()
    {
        if (MaxRetries is < 0 or > 10)
            yield return $"{SectionName}:{nameof(MaxRetries)} must be between 0 and 10.";
        if (RetryBaseDelay <= TimeSpan.Zero || RetryBaseDelay > MaxRetryDelay)
            yield return $"{SectionName}:{nameof(RetryBaseDelay)} must be positive and at most {nameof(MaxRetryDelay)}.";
        if (AttemptTimeout < TimeSpan.FromMilliseconds(10) || AttemptTimeout > TotalTimeout)
            yield return $"{SectionName}:{nameof(AttemptTimeout)} must be at least 10 ms and at most {nameof(TotalTimeout)}.";
        if (TotalTimeout > TimeSpan.FromHours(1))
            yield return $"{SectionName}:{nameof(TotalTimeout)} must be at most an hour.";
    }
}
