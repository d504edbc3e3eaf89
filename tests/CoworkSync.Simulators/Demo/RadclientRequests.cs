using System.Globalization;

namespace CoworkSync.Simulators.Demo;

/// <summary>
/// Writes radclient request files (<c>radclient -f</c>): a member's user name and WiFi password, as a PAP request from
/// a demo access point, and the answer radclient should expect (it reports any other as a failure). In files,
/// owner-only, so the password is not part of a command line.
/// </summary>
public static class RadclientRequests
{
    /// <returns>The file's path.</returns>
    /// <param name="expected"><c>Access-Accept</c> or <c>Access-Reject</c>.</param>
    public static string Write(string directory, string name, string username, string password, string expected)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name + ".txt");
        // Single quotes: radclient takes the value literally (the password alphabet has no quote).
        DemoSpaceState.WriteOwnerOnly(path, string.Create(CultureInfo.InvariantCulture,
            $"User-Name = '{username}'\nUser-Password = '{password}'\nNAS-Identifier = '{DemoCast.NasIdentifier}'\nResponse-Packet-Type = {expected}\n"));
        return path;
    }
}
