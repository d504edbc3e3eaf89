using System.Text.Json;
using CoworkSync.Outcomes;

namespace CoworkSync.Functions.Admin;

/// <summary>Reads an admin request's JSON body, answering what is wrong with it when it cannot be read.</summary>
public static class AdminJson
{
    public const int MaxBodyBytes = 64 * 1024;
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        if (request.ContentLength is > MaxBodyBytes)
            return (null, Results.Problem(title: "Body too large", detail: $"The body must be at most {MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge));
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, Options, cancellationToken);
            return value is null ? (null, Invalid("body", "must be a JSON object")) : (value, null);
        }
        catch (JsonException ex)
        {
            var field = ex.Path is { Length: > 1 } path ? path.TrimStart('$', '.') : "body";
            return (null, Invalid(field, "is not valid JSON of the expected shape"));
        }
    }

    /// <summary>Reads the body as any JSON (its shape is the caller's to check); a JSON <c>null</c> is a Null element.</summary>
    public static async Task<(JsonElement Value, IResult? Problem)> ReadElementAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is > MaxBodyBytes)
            return (default, Results.Problem(title: "Body too large", detail: $"The body must be at most {MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge));
        try
        {
            return (await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, Options, cancellationToken), null);
        }
        catch (JsonException ex)
        {
            var field = ex.Path is { Length: > 1 } path ? path.TrimStart('$', '.') : "body";
            return (default, Invalid(field, "is not valid JSON of the expected shape"));
        }
    }

    private static IResult Invalid(string field, string reason) => AdminProblems.Invalid([new ValidationError(field, reason)]);
}
