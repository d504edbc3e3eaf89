using System.Globalization;
using CoworkSync.Access;

namespace CoworkSync.NetworkAccess;

/// <summary>The attributes of an Access-Accept: the password for FreeRADIUS to check, and the group's terms.</summary>
public static class RadiusReply
{
    /// <summary>The attribute that carries the password for FreeRADIUS to check; never shown.</summary>
    public const string PasswordAttribute = "control:Cleartext-Password";

    /// <param name="password">The account's cleartext password, for FreeRADIUS to check against what the device sent.</param>
    /// <param name="access">The access the account's groups give now.</param>
    /// <param name="sessionTimeout">
    /// Always set: with <c>Termination-Action = RADIUS-Request</c> the access point re-authenticates when it expires
    /// instead of disconnecting, so a member in good standing stays online and a revoked one is cut off.
    /// </param>
    public static IReadOnlyDictionary<string, object> For(string password, EffectiveAccess access, long sessionTimeout)
    {
        var reply = new Dictionary<string, object>(StringComparer.Ordinal) { [PasswordAttribute] = RadiusAnswer.Literal(password) };
        AddTerms(reply, access, sessionTimeout);
        return reply;
    }

    /// <summary>Every attribute of <see cref="For"/> but the password: what "why can't they connect?" shows.</summary>
    /// <param name="access">The access the account's groups give now.</param>
    /// <param name="sessionTimeout">The session's timeout, as for <see cref="For"/>.</param>
    public static Dictionary<string, object> Terms(EffectiveAccess access, long sessionTimeout)
    {
        var reply = new Dictionary<string, object>(StringComparer.Ordinal);
        AddTerms(reply, access, sessionTimeout);
        return reply;
    }

    private static void AddTerms(Dictionary<string, object> reply, EffectiveAccess access, long sessionTimeout)
    {
        ArgumentNullException.ThrowIfNull(access);
        reply["reply:Session-Timeout"] = sessionTimeout;
        reply["reply:Termination-Action"] = "RADIUS-Request";
        reply["reply:Acct-Interim-Interval"] = access.AcctInterimIntervalSeconds;
        if (access.BandwidthDownKbps is { } down)
            reply["reply:WISPr-Bandwidth-Max-Down"] = (long)down * 1000;
        if (access.BandwidthUpKbps is { } up)
            reply["reply:WISPr-Bandwidth-Max-Up"] = (long)up * 1000;
        if (access.VlanId is { } vlan)
        {
            reply["reply:Tunnel-Type"] = "VLAN";
            reply["reply:Tunnel-Medium-Type"] = "IEEE-802";
            reply["reply:Tunnel-Private-Group-Id"] = RadiusAnswer.Literal(vlan.ToString(CultureInfo.InvariantCulture));
        }
        foreach (var (name, value) in access.ExtraReplyAttributes)
            reply.TryAdd(name.Contains(':', StringComparison.Ordinal) ? name : "reply:" + name, RadiusAnswer.Literal(value));
    }
}
