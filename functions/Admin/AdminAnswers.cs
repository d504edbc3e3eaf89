using CoworkSync.Outcomes;

namespace CoworkSync.Functions.Admin;

/// <summary>An operation's <see cref="Outcome{T}"/> as the admin API answers it.</summary>
public static class AdminAnswers
{
    /// <param name="outcome">How the operation ended.</param>
    /// <param name="done">The answer when it succeeded (and, unless <paramref name="created"/> is given, when it created something).</param>
    /// <param name="created">The answer when it created something.</param>
    /// <param name="unreadable">The caller's own problem with the input it could not read, when the operation reached it.</param>
    public static IResult From<T>(Outcome<T> outcome, Func<T, IResult> done, Func<T, IResult>? created = null, IResult? unreadable = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(done);
        return outcome.Status switch
        {
            OutcomeStatus.Done => done(outcome.Value!),
            OutcomeStatus.Created => (created ?? done)(outcome.Value!),
            OutcomeStatus.Invalid => AdminProblems.Invalid(outcome.Errors),
            OutcomeStatus.NotFound => AdminProblems.NotFound(outcome.Detail!),
            OutcomeStatus.Conflict => AdminProblems.Conflict(outcome.Detail!),
            _ => unreadable ?? throw new InvalidOperationException("The operation stopped for input the caller did not pass."),
        };
    }

    /// <summary>As <see cref="From{T}"/>, but a refused query parameter is answered as one (<see cref="AdminProblems.BadRequest"/>, no <c>errors</c> list).</summary>
    public static IResult FromQuery<T>(Outcome<T> outcome, Func<T, IResult> done)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Status == OutcomeStatus.Invalid
            ? AdminProblems.BadRequest(outcome.Errors[0].Field, outcome.Errors[0].Reason)
            : From(outcome, done);
    }
}
