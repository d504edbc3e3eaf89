using CoworkSync.Functions.Console.Layout;
using CoworkSync.Functions.Portal.Layout;

namespace CoworkSync.Functions.Web;

/// <summary>One of the two web faces: its name, its title in page titles, where it lives and the layout its pages (and its
/// error pages) use.</summary>
public sealed record Face(string Name, string Title, PathString Path, Type Layout)
{
    public static Face Console { get; } = new("console", "CoworkSync console", WebPaths.Console, typeof(ConsoleLayout));

    public static Face Portal { get; } = new("portal", "CoworkSync", WebPaths.Portal, typeof(PortalLayout));

    public static Face Of(PathString path) => path.StartsWithSegments(WebPaths.Portal) ? Portal : Console;
}
