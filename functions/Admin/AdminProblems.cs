namespace CoworkSync.Functions.Admin;

/// <summary>The admin API's errors, as RFC 9457 problem details that say what is wrong.</summary>
public static class AdminProblems
{
    public static IResult BadRequest(string field, string reason) =>
        Results.Problem(title: "Invalid request", detail: $"'{field}' {reason}.", statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["field"] = field, ["reason"] = reason });

    public static IResult NotFound(string id) =>
        Results.Problem(title: "Not found", detail: $"There is no dead letter '{id}'.", statusCode: StatusCodes.Status404NotFound);

    public static IResult Conflict(string detail) =>
        Results.Problem(title: "Conflict", detail: detail, statusCode: StatusCodes.Status409Conflict);
}
