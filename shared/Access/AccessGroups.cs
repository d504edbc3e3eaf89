namespace CoworkSync.Access;

/// <summary>The access groups every deployment starts with. Their access parameters are enforced at RADIUS time.</summary>
public static class AccessGroups
{
    public const string Flex = "flex";
    public const string FullTime = "fulltime";
    public const string Dedicated = "dedicated";
    public const string Trial = "trial";

    public static IReadOnlyList<string> Defaults { get; } = [Flex, FullTime, Dedicated, Trial];
}
