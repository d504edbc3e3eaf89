namespace CoworkSync.Benchmarks;

/// <summary>Request bodies as FreeRADIUS 3.2's rlm_rest posts them for an 802.1X login and an interim update.</summary>
internal static class RlmRestBodies
{
    public static string AccessRequest(string username) => $$$"""
        {"User-Name":{"type":"string","value":["{{{username}}}"]},
         "NAS-IP-Address":{"type":"ipaddr","value":["10.0.0.2"]},
         "NAS-Identifier":{"type":"string","value":["mitte-ap-1"]},
         "NAS-Port":{"type":"integer","value":[1]},
         "NAS-Port-Type":{"type":"integer","value":["Wireless-802.11"]},
         "Service-Type":{"type":"integer","value":["Framed-User"]},
         "Framed-MTU":{"type":"integer","value":[1400]},
         "Called-Station-Id":{"type":"string","value":["AA-BB-CC-DD-EE-FF:CoworkSync"]},
         "Calling-Station-Id":{"type":"string","value":["11-22-33-44-55-66"]},
         "Connect-Info":{"type":"string","value":["CONNECT 54Mbps 802.11g"]},
         "Event-Timestamp":{"type":"date","value":["Nov 23 2026 10:00:00 CET"]},
         "Message-Authenticator":{"type":"octets","value":["0x00000000000000000000000000000000"]}}
        """;

    public static string InterimUpdate(string username, string sessionId, long seconds) => $$$"""
        {"Acct-Status-Type":{"type":"integer","value":["Interim-Update"]},
         "User-Name":{"type":"string","value":["{{{username}}}"]},
         "Acct-Session-Id":{"type":"string","value":["{{{sessionId}}}"]},
         "Acct-Unique-Session-Id":{"type":"string","value":["{{{sessionId}}}-unique"]},
         "Acct-Session-Time":{"type":"integer","value":[{{{seconds}}}]},
         "Acct-Input-Octets":{"type":"integer","value":[123456]},
         "Acct-Output-Octets":{"type":"integer","value":[654321]},
         "NAS-IP-Address":{"type":"ipaddr","value":["10.0.0.2"]},
         "NAS-Identifier":{"type":"string","value":["mitte-ap-1"]},
         "Called-Station-Id":{"type":"string","value":["AA-BB-CC-DD-EE-FF:CoworkSync"]},
         "Calling-Station-Id":{"type":"string","value":["11-22-33-44-55-66"]}}
        """;
}
