using CoworkSync.Connectors.Updates;
using CoworkSync.Members.Lookup;

namespace CoworkSync.Administration.Members;

/// <summary>
/// Which connector and member ids can name a member at all: a connector id as connectors are named, a member id of 1 to
/// <see cref="MemberLookup.MaxIdLength"/> characters (a table key holds 1 KiB). Anything else names no member, and is
/// answered as such without asking storage (which would refuse the key).
/// </summary>
public static class MemberIds
{
    public static bool AreValid(string? connectorId, string? memberId) =>
        connectorId is not null && ConnectorInput.IsValidConnectorId(connectorId) && IsValidMemberId(memberId);

    public static bool IsValidMemberId(string? memberId) => memberId is { Length: > 0 and <= MemberLookup.MaxIdLength };
}
