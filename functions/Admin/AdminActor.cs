using System.Text.Json;

namespace CoworkSync.Functions.Admin;

/// <summary>
/// Who performs an admin action, for the audit trail: the signed-in principal when App Service authentication
/// is on, else <c>by</c> from the JSON body (<c>{"by":"…","comment":"…"}</c>) or the query, else "unknown".
/// </summary>
public sealed record AdminActor(string Name, string? Comment, IResult? Problem)
{
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL-NAME";
    private const int MaxLength = 200;

    public static async Task<AdminActor> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        string? by = request.Query["by"];
        string? comment = request.Query["comment"];
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            try
            {
                using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
                if (body.RootElement.ValueKind != JsonValueKind.Object)
                    return Invalid("body", "must be a JSON object");
                by = Text(body.RootElement, "by") ?? by;
                comment = Text(body.RootElement, "comment") ?? comment;
            }
            catch (JsonException)
            {
                return Invalid("body", "is not valid JSON");
            }
        }

        string? principal = request.Headers[PrincipalHeader];
        var name = !string.IsNullOrWhiteSpace(principal) ? principal : !string.IsNullOrWhiteSpace(by) ? by : "unknown";
        if (name.Length > MaxLength)
            return Invalid("by", $"must be at most {MaxLength} characters");
        if (comment is { Length: > 2000 })
            return Invalid("comment", "must be at most 2000 characters");
        return new AdminActor(name.Trim(), comment, null);
    }

    private static AdminActor Invalid(string field, string reason) => new("", null, AdminProblems.BadRequest(field, reason));

    private static string? Text(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
