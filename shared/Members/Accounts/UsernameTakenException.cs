namespace CoworkSync.Members.Accounts;

/// <summary>Every user name a member could have belongs to another member; nobody's account is taken over.</summary>
public sealed class UsernameTakenException(string connectorId, string memberId, IReadOnlyList<string> candidates)
    : Exception($"Every user name for member {memberId} of connector {connectorId} belongs to another member: {string.Join(", ", candidates)}.")
{
    public IReadOnlyList<string> Candidates { get; } = candidates;
}
