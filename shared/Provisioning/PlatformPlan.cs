namespace CoworkSync.Provisioning;

/// <summary>A plan as the platform names it; operators map plans to access groups.</summary>
public sealed record PlatformPlan(string Id, string Name);
