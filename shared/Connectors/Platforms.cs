namespace CoworkSync.Connectors;

public static class Platforms
{
    public const string Coworks = "coworks";
}
