namespace CoworkSync.Messaging.DeadLetters;

public enum DeadLetterActionStatus
{
    Done,
    NotFound,

    /// <summary>The dead letter is discarded: it can no longer be replayed.</summary>
    Discarded,

    /// <summary>The dead letter holds no envelope (the message was unreadable): there is nothing to replay.</summary>
    NothingToReplay,
}

public sealed record DeadLetterActionResult(DeadLetterActionStatus Status, DeadLetter? DeadLetter);
