using System.Text.Json;

namespace CoworkSync.Compare.Services;

/// <summary>What the ceilings answer: the same fixed authorize reply as tests/CoworkSync.Ceilings.</summary>
public static class Ceilings
{
    public static byte[] FixedReply(string password) => JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
    {
        ["control:Cleartext-Password"] = new Dictionary<string, object> { ["value"] = new[] { password }, ["do_xlat"] = false },
        ["reply:Session-Timeout"] = 3600,
        ["reply:Acct-Interim-Interval"] = 300,
    });
}
