using System.Text.Json;
using CoworkSync.Validation;

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

    private static IResult Invalid(string field, string reason) => AdminProblems.Invalid([new ValidationError(field, reason)]);
}
