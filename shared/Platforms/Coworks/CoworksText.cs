namespace CoworkSync.Platforms.Coworks;

internal static class CoworksText
{
    private const int MaxExcerptLength = 64;

    /// <summary>A value from the wire, shortened so a hostile or broken payload cannot flood a message.</summary>
    public static string Excerpt(string value) => value.Length <= MaxExcerptLength ? value : value[..MaxExcerptLength] + "…";
}
