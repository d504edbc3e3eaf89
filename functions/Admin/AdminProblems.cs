using CoworkSync.Outcomes;

namespace CoworkSync.Functions.Admin;

/// <summary>The admin API's errors, as RFC 9457 problem details that say what is wrong.</summary>
public static class AdminProblems
{
    public static IResult BadRequest(string field, string reason) =>
        Results.Problem(title: "Invalid request", detail: $"'{field}' {reason}.", statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["field"] = field, ["reason"] = reason });

    public static IResult NotFound(string detail) =>
        Results.Problem(title: "Not found", detail: detail, statusCode: StatusCodes.Status404NotFound);

    /// <summary>400 naming the first invalid field and its reason, with every error listed.</summary>
    public static IResult Invalid(IReadOnlyList<ValidationError> errors) =>
        Results.Problem(title: "Invalid request", detail: string.Join(" ", errors.Select(e => $"'{e.Field}' {e.Reason}.")), statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?>
            {
                ["field"] = errors[0].Field,
                ["reason"] = errors[0].Reason,
                ["errors"] = errors.Select(e => new { field = e.Field, reason = e.Reason }).ToList(),
            });

    /// <summary>412: a condition the request set (e.g. <c>If-None-Match: *</c>) does not hold; nothing changed.</summary>
    public static IResult PreconditionFailed(string detail) =>
        Results.Problem(title: "Precondition Failed", detail: detail, statusCode: StatusCodes.Status412PreconditionFailed);

    public static IResult Conflict(string detail) =>
        Results.Problem(title: "Conflict", detail: detail, statusCode: StatusCodes.Status409Conflict);
}
