namespace CoworkSync.Messaging.DeadLetters;

public interface IDeadLetterStore
{
    /// <summary>Records a failure: a new dead letter, or the same event's record updated and opened again.</summary>
    Task<DeadLetter> RecordFailureAsync(DeadLetterFailure failure, CancellationToken cancellationToken);

    Task<DeadLetter?> GetAsync(string id, CancellationToken cancellationToken);

    Task<DeadLetterPage> ListAsync(DeadLetterQuery query, CancellationToken cancellationToken);

    /// <summary>Changes the record with its ETag and appends an audit entry; null if there is no such record.</summary>
    Task<DeadLetter?> UpdateAsync(string id, Func<DeadLetter, DeadLetter> change, DeadLetterAuditEntry audit, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeadLetterAuditEntry>> GetHistoryAsync(string id, CancellationToken cancellationToken);
}
