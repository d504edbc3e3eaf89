namespace CoworkSync.Platforms.Coworks;

/// <summary>The webhook events Coworks sends (the <c>type</c> field).</summary>
public enum CoworksEventType
{
    MemberCreated,
    MemberUpdated,
    MembershipActivated,
    MembershipEnded,
}

public static class CoworksEventTypes
{
    public const string MemberCreated = "member.created";
    public const string MemberUpdated = "member.updated";
    public const string MembershipActivated = "membership.activated";
    public const string MembershipEnded = "membership.ended";

    /// <summary>The wire name of <paramref name="type"/>, e.g. <c>member.created</c>.</summary>
    public static string Name(CoworksEventType type) => type switch
    {
        CoworksEventType.MemberCreated => MemberCreated,
        CoworksEventType.MemberUpdated => MemberUpdated,
        CoworksEventType.MembershipActivated => MembershipActivated,
        CoworksEventType.MembershipEnded => MembershipEnded,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a Coworks event type."),
    };

    /// <summary>Reads a wire name; names are matched exactly (they are lowercase on the wire).</summary>
    public static bool TryParse(string? name, out CoworksEventType type)
    {
        (var known, type) = name switch
        {
            MemberCreated => (true, CoworksEventType.MemberCreated),
            MemberUpdated => (true, CoworksEventType.MemberUpdated),
            MembershipActivated => (true, CoworksEventType.MembershipActivated),
            MembershipEnded => (true, CoworksEventType.MembershipEnded),
            _ => (false, default),
        };
        return known;
    }
}
