namespace CoworkSync.Functions.Admin;

/// <summary>A Cobot connector's connection as operators see it: its state and which of its secrets are set.</summary>
/// <param name="State">One of <see cref="CoworkSync.Connectors.Cobot.CobotConnectionStates"/>.</param>
/// <param name="Reason">Why it is in <c>error</c> (what Cobot answered); null otherwise.</param>
public sealed record CobotConnection(
    string State,
    string? Reason,
    DateTimeOffset? Since,
    string? SpaceId,
    bool SpaceOwnedToken,
    bool ClientIdSet,
    bool ClientSecretSet,
    bool AccessTokenSet);
