namespace CoworkSync.State.Tables;

/// <summary>Records kept only for a retention period (processed events); a daily timer purges them.</summary>
public interface IExpiringRecords
{
    /// <summary>Deletes the records older than <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> PurgeBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
