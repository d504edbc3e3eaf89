using System.Net;

namespace CoworkSync.Functions.Portal.SignIn;

/// <summary>
/// The client address the sign-in link limits count by. Locally it is the connection's peer. Under the Functions host
/// every request comes from the host, so it is the last entry of <c>X-Forwarded-For</c>: the one App Service's front end
/// appends (entries before it are whatever the client sent, which a client could vary at will). Ports are dropped.
/// </summary>
public sealed class PortalClientAddress(bool underFunctionsHost)
{
    public const string Unknown = "unknown";

    public string Of(HttpContext context)
    {
        if (underFunctionsHost)
        {
            var forwarded = context.Request.Headers["X-Forwarded-For"].ToString();
            var last = forwarded.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
            return last is null ? Unknown : Normalize(last);
        }
        return context.Connection.RemoteIpAddress is { } peer ? Normalize(peer.ToString()) : Unknown;
    }

    /// <summary>An address as one text whatever its form: <c>203.0.113.5:51234</c>, <c>[2001:db8::1]:443</c> and an IPv4-mapped IPv6 address count as their address.</summary>
    public static string Normalize(string value)
    {
        var address = IPAddress.TryParse(value, out var plain) ? plain
            : IPEndPoint.TryParse(value, out var endpoint) ? endpoint.Address
            : null;
        if (address is null)
            return value.Length > 100 ? value[..100] : value;
        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }
}
