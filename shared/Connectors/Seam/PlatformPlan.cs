namespace CoworkSync.Connectors.Seam;

/// <summary>A plan as the platform names it; operators map plans to access groups.</summary>
public sealed record PlatformPlan(string Id, string Name);
