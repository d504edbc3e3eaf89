namespace CoworkSync.Outcomes;

/// <summary>How an operation an operator asked for ended, whoever asked (the admin API, the console).</summary>
public enum OutcomeStatus
{
    /// <summary>Done; <see cref="Outcome{T}.Value"/> is the result.</summary>
    Done,

    /// <summary>Done, and it made something new (a connector, an account).</summary>
    Created,

    /// <summary>The input was refused: <see cref="Outcome{T}.Errors"/> says which field and why. Nothing changed.</summary>
    Invalid,

    /// <summary>What it names does not exist: <see cref="Outcome{T}.Detail"/> says what. Nothing changed.</summary>
    NotFound,

    /// <summary>It cannot be done in the present state: <see cref="Outcome{T}.Detail"/> says why. Nothing changed.</summary>
    Conflict,

    /// <summary>
    /// The caller could not read the input it meant to pass (an unreadable request body): the operation stopped where
    /// it first needed it, so the caller answers with its own reading problem. Nothing changed.
    /// </summary>
    Unreadable,
}

/// <summary>The outcome of an operation: a value, or why there is none.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Value">The result when <see cref="Status"/> is <see cref="OutcomeStatus.Done"/> or <see cref="OutcomeStatus.Created"/>.</param>
/// <param name="Errors">What was wrong with the input when <see cref="OutcomeStatus.Invalid"/>; never empty then.</param>
/// <param name="Detail">What is missing or in the way when <see cref="OutcomeStatus.NotFound"/> or <see cref="OutcomeStatus.Conflict"/>.</param>
public sealed record Outcome<T>(OutcomeStatus Status, T? Value, IReadOnlyList<ValidationError> Errors, string? Detail)
{
    public bool Succeeded => Status is OutcomeStatus.Done or OutcomeStatus.Created;

    public static Outcome<T> Done(T value) => new(OutcomeStatus.Done, value, [], null);

    public static Outcome<T> Created(T value) => new(OutcomeStatus.Created, value, [], null);

    public static Outcome<T> Invalid(IReadOnlyList<ValidationError> errors) =>
        errors is { Count: > 0 } ? new(OutcomeStatus.Invalid, default, errors, null) : throw new ArgumentException("An invalid outcome names at least one error.", nameof(errors));

    public static Outcome<T> Invalid(string field, string reason) => Invalid([new ValidationError(field, reason)]);

    public static Outcome<T> NotFound(string detail) => new(OutcomeStatus.NotFound, default, [], detail);

    public static Outcome<T> Conflict(string detail) => new(OutcomeStatus.Conflict, default, [], detail);

    public static Outcome<T> Unreadable() => new(OutcomeStatus.Unreadable, default, [], null);

    /// <summary>The same failure for another result type; only for an outcome that did not succeed.</summary>
    public Outcome<TOther> As<TOther>() =>
        Succeeded ? throw new InvalidOperationException("Only a failed outcome can change its result type.") : new(Status, default, Errors, Detail);
}
