using System.Text.Json;

namespace CoworkSync.Ceilings;

/// <summary>The fixed answers of the ceilings, serialized once.</summary>
public static class FixedReplies
{
    /// <summary>A valid rlm_rest authorize answer: the password FreeRADIUS compares, and a session timeout.</summary>
    public static byte[] Authorize(string password) => JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
    {
        ["control:Cleartext-Password"] = new Dictionary<string, object> { ["value"] = new[] { password }, ["do_xlat"] = false },
        ["reply:Session-Timeout"] = 3600,
        ["reply:Acct-Interim-Interval"] = 300,
    });

    public static async Task WriteJsonAsync(HttpResponse response, int status, byte[] body)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body);
    }
}
