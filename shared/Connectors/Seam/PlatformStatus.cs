namespace CoworkSync.Connectors.Seam;

/// <summary>A connector's state at its platform in a few words, as the console's overview lists it.</summary>
/// <param name="State">The state (a Cobot connection's <c>connected</c>, say).</param>
/// <param name="Detail">What went wrong, when something did (never a secret).</param>
/// <param name="NeedsAttention">Whether the state keeps members from being synced.</param>
public sealed record PlatformStatus(string State, string? Detail, bool NeedsAttention);
