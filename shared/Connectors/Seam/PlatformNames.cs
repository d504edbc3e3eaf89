namespace CoworkSync.Connectors.Seam;

public static class PlatformNames
{
    public const string Coworks = "coworks";
    public const string Cobot = "cobot";

    public static bool IsKnown(string? platform) => platform is Coworks or Cobot;
}
