namespace CoworkSync.Functions.Web;

/// <summary>
/// The headers every console and portal response carries: a Content-Security-Policy that allows nothing but the app's
/// own scripts, styles and images (no inline script or style, no framing, no plugins, no <c>&lt;base&gt;</c>), no MIME
/// sniffing, no referrer beyond the origin. Pages are never cached (they show member data); assets are revalidated.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        if (!WebPaths.IsFace(context.Request.Path))
            return next(context);

        var isAsset = WebPaths.IsAsset(context.Request.Path);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers.CacheControl = isAsset ? "no-cache" : "no-store";
            if (!isAsset)
                headers.Pragma = "no-cache";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
