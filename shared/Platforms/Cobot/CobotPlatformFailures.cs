using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
namespace CoworkSync.Platforms.Cobot;

/// <summary>
/// Cobot's failures in platform-neutral terms (<see cref="PlatformException"/>), for syncs, webhook re-reads and
/// check-ins alike. A 401 or 403 also records the connection in error with its reason
/// (<see cref="CobotConnectionStates.ErrorReason"/>), unless a new connection was saved while the call ran.
/// </summary>
public sealed class CobotPlatformFailures(CobotConnectionStore states, TimeProvider time)
{
    public async Task<T> TranslateAsync<T>(Connector connector, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        var began = time.GetUtcNow();
        try
        {
            return await call();
        }
        catch (CobotApiException ex)
        {
            throw await ToPlatformExceptionAsync(connector, ex, began, cancellationToken);
        }
        catch (CobotPayloadException ex)
        {
            throw new PlatformException(ex.Message, isTransient: false, ex);
        }
    }

    /// <param name="connector">The connector whose call failed.</param>
    /// <param name="failure">What the Cobot client threw.</param>
    /// <param name="began">When the call that failed began.</param>
    /// <param name="cancellationToken">Cancels recording the connection's state.</param>
    public async Task<PlatformException> ToPlatformExceptionAsync(Connector connector, CobotApiException failure, DateTimeOffset began, CancellationToken cancellationToken)
    {
        if (CobotConnectionStates.ErrorReason(failure) is { } reason)
            await states.SetStateAsync(connector.Id, CobotConnectionStates.Error, reason, time.GetUtcNow(), cancellationToken, unlessConnectedAfter: began);
        return new PlatformException(failure.Message, failure.IsTransient, failure, failure.RetryAfter);
    }
}
