using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CoworkSync.Functions.Hosting.Http;

/// <summary>
/// Local mode's stand-in for the Functions host's key check: a function or admin route needs the key in the
/// <c>x-functions-key</c> header or the <c>code</c> query parameter. In Azure the host checks before forwarding.
/// </summary>
public sealed class FunctionKeyMiddleware(RequestDelegate next, IOptions<FunctionKeyOptions> options)
{
    public const string HeaderName = "x-functions-key";
    public const string QueryName = "code";

    private readonly byte[] _expected = Encoding.UTF8.GetBytes(options.Value.Key ?? "");

    public Task InvokeAsync(HttpContext context)
    {
        var function = context.GetEndpoint()?.Metadata.GetMetadata<HttpFunctionMetadata>();
        if (function is null || function.AuthLevel == FunctionAuthLevel.Anonymous || IsAuthorized(context.Request))
            return next(context);

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }

    private bool IsAuthorized(HttpRequest request)
    {
        if (_expected.Length == 0)
            return false;
        string? presented = request.Headers[HeaderName];
        if (string.IsNullOrEmpty(presented))
            presented = request.Query[QueryName];
        return !string.IsNullOrEmpty(presented)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), _expected);
    }
}
