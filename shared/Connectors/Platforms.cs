namespace CoworkSync.Connectors;

public static class Platforms
{
    public const string Coworks = "coworks";
    public const string Cobot = "cobot";

    public static bool IsKnown(string? platform) => platform is Coworks or Cobot;
}
