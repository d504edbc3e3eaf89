namespace CoworkSync.Functions.Web;

/// <summary>Where the two faces live. The Functions host forwards each to the app through a catch-all function.</summary>
public static class WebPaths
{
    public static readonly PathString Console = "/console";
    public static readonly PathString Portal = "/portal";

    /// <summary>The segment under a face where its stylesheet and script are served: <c>/console/assets/…</c>.</summary>
    public const string AssetsSegment = "assets";

    public static bool IsFace(PathString path) => path.StartsWithSegments(Console) || path.StartsWithSegments(Portal);

    public static bool IsAsset(PathString path) =>
        path.StartsWithSegments(Console + "/" + AssetsSegment) || path.StartsWithSegments(Portal + "/" + AssetsSegment);
}
