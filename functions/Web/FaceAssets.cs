using Microsoft.Extensions.FileProviders;

namespace CoworkSync.Functions.Web;

/// <summary>
/// Serves each face's stylesheet and script from the app's own folder: <c>/console/assets/*</c> from
/// <c>Console/Assets</c>, <c>/portal/assets/*</c> from <c>Portal/Assets</c>, both also from <c>Web/Assets</c> (what the
/// faces share). The files travel next to the app's assembly (the project copies them there and into the package), so
/// they are found wherever the host starts the app. Registered before routing: the faces' catch-all endpoints would
/// otherwise claim these paths first.
/// </summary>
public static class FaceAssets
{
    public const string SharedFolder = "Web/Assets";

    public static IApplicationBuilder UseFaceAssets(this IApplicationBuilder app)
    {
        app.UseStaticFiles(Options(WebPaths.Console, "Console/Assets"));
        app.UseStaticFiles(Options(WebPaths.Portal, "Portal/Assets"));
        return app;
    }

    private static StaticFileOptions Options(PathString face, string folder) => new()
    {
        RequestPath = face + "/" + WebPaths.AssetsSegment,
        FileProvider = new CompositeFileProvider(Folder(folder), Folder(SharedFolder)),
    };

    private static PhysicalFileProvider Folder(string relative) =>
        new(Path.Combine(AppContext.BaseDirectory, relative.Replace('/', Path.DirectorySeparatorChar)));
}
