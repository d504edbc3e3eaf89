namespace CoworkSync.Messaging.LocalQueue;

/// <summary>
/// Tells the local queue's pump that this process just sent a message it can take at once, so the pump does not sleep
/// through its poll interval. Signals while nobody waits are kept as one: the next wait returns at once.
/// </summary>
public sealed class QueueArrivals
{
    private readonly SemaphoreSlim _arrived = new(0, 1);

    public void Signal()
    {
        if (_arrived.CurrentCount > 0)
            return;
        try
        {
            _arrived.Release();
        }
        catch (SemaphoreFullException)
        {
            // Signalled by another sender at the same moment: one signal is enough.
        }
    }

    /// <summary>Waits for a signal, or until <paramref name="timeout"/> on <paramref name="time"/>; true when signalled.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var arrival = _arrived.WaitAsync(waiting.Token);
        var poll = Task.Delay(timeout, time, waiting.Token);
        var first = await Task.WhenAny(arrival, poll);
        await waiting.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        // The signal may have come as the poll ended; consuming it then is harmless, the pump receives either way.
        return first == arrival && arrival.IsCompletedSuccessfully;
    }
}
