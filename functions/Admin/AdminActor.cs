using System.Text.Json;
using CoworkSync.Administration.Audit;
using CoworkSync.Functions.Hosting;

namespace CoworkSync.Functions.Admin;

/// <summary>
/// Who performs an admin action, for the audit log: the App Service principal's name
/// (<c>X-MS-CLIENT-PRINCIPAL-NAME</c>) only when the platform's authentication is on for the app
/// (<see cref="PlatformAuthentication.TrustsPrincipalHeaders"/>; otherwise anyone could send the header, so it is
/// ignored), else <c>by</c> (from the query, or for actions that take no other body from the JSON body
/// <c>{"by":"…","comment":"…"}</c>), else <see cref="AuditActor.AdminApiKeyHolder"/>.
/// </summary>
public sealed record AdminActor(AuditActor Actor, string? Comment, IResult? Problem)
{
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL-NAME";
    private const int MaxCommentLength = 2000;

    /// <summary>From the query and a body that holds nothing else (<c>by</c>, <c>comment</c>): dead-letter actions.</summary>
    public static async Task<AdminActor> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
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
        return Of(request, by, comment);
    }

    /// <summary>From the query alone (<c>?by=…</c>): actions whose body is the resource.</summary>
    public static AdminActor FromQuery(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Of(request, request.Query["by"], request.Query["comment"]);
    }

    private static AdminActor Of(HttpRequest request, string? by, string? comment)
    {
        var configuration = request.HttpContext.RequestServices.GetRequiredService<IConfiguration>();
        string? principal = PlatformAuthentication.TrustsPrincipalHeaders(configuration) ? request.Headers[PrincipalHeader].ToString() : null;
        var name = !string.IsNullOrWhiteSpace(principal) ? principal : by;
        if (name is { Length: > AuditActor.MaxNameLength })
            return Invalid("by", $"must be at most {AuditActor.MaxNameLength} characters");
        if (comment is { Length: > MaxCommentLength })
            return Invalid("comment", $"must be at most {MaxCommentLength} characters");
        return new AdminActor(AuditActor.ThroughAdminApi(name), comment, null);
    }

    private static AdminActor Invalid(string field, string reason) => new(AuditActor.ThroughAdminApi(null), null, AdminProblems.BadRequest(field, reason));

    private static string? Text(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>The optional body of a dead-letter action, as the OpenAPI document describes it.</summary>
/// <param name="By">Who does it (App Service's signed-in principal wins when the platform's authentication is on).</param>
/// <param name="Comment">Why, at most 2000 characters.</param>
public sealed record AdminActorBody(string? By, string? Comment);
