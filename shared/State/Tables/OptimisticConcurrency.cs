using System.Net;
using Azure;

namespace CoworkSync.State.Tables;

/// <summary>
/// Runs a read-modify-write until it commits. The attempt must read fresh state and write with the
/// read ETag (or add, for a new entity); a 412 or a 409 from a racing add starts it again, after a short random
/// pause on <see cref="TimeProvider"/> that grows with the attempts.
/// </summary>
public static class OptimisticConcurrency
{
    public const int DefaultMaxAttempts = 10;

    public static async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> readModifyWrite, TimeProvider time, CancellationToken cancellationToken, int maxAttempts = DefaultMaxAttempts)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await readModifyWrite(cancellationToken);
            }
            catch (RequestFailedException ex) when (IsConflict(ex) && attempt < maxAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), time, cancellationToken);
            }
            catch (RequestFailedException ex) when (IsConflict(ex))
            {
                throw new ConcurrencyConflictException($"The entity kept changing; gave up after {maxAttempts} attempts.", ex);
            }
        }
    }

    private static bool IsConflict(RequestFailedException ex) =>
        ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.Conflict;
}
