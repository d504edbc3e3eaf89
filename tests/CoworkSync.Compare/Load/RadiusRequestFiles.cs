using System.Globalization;
using System.Text;

namespace CoworkSync.Compare.Load;

/// <summary>
/// radclient request files: Access-Requests (PAP) and Accounting-Requests from one access point of the bench location,
/// as rlm_rest then posts them. Values in single quotes, which radclient takes literally.
/// </summary>
public static class RadiusRequestFiles
{
    public const string NasIdentifier = "bench-ap-1";
    public const string CalledStation = "02-00-00-00-00-AA:Bench";

    /// <summary>Writes <paramref name="count"/> Access-Requests, the i-th for <paramref name="member"/>(i), split over <paramref name="files"/> files.</summary>
    public static IReadOnlyList<string> Authorize(string folder, int count, int files, Func<int, (string Username, string Password)> member) =>
        Write(folder, "auth", count, files, i =>
        {
            var (username, password) = member(i);
            return $"User-Name = '{username}'\nUser-Password = '{password}'\nNAS-Identifier = '{NasIdentifier}'\n" +
                $"Called-Station-Id = '{CalledStation}'\nCalling-Station-Id = '{Device(i)}'\n";
        });

    /// <summary>Writes Accounting-Requests; <paramref name="request"/>(i) gives user, status, session id, session seconds and device number.</summary>
    public static IReadOnlyList<string> Accounting(string folder, int count, int files, Func<int, (string Username, string Status, string SessionId, long Seconds, int Device)> request) =>
        Write(folder, "acct", count, files, i =>
        {
            var (username, status, session, seconds, device) = request(i);
            return $"Acct-Status-Type = {status}\nUser-Name = '{username}'\nAcct-Session-Id = '{session}'\n" +
                $"Acct-Session-Time = {seconds.ToString(CultureInfo.InvariantCulture)}\nNAS-Identifier = '{NasIdentifier}'\n" +
                $"Called-Station-Id = '{CalledStation}'\nCalling-Station-Id = '{Device(device)}'\n";
        });

    private static string Device(int i) => $"02-00-00-{(i >> 16) & 0xFF:X2}-{(i >> 8) & 0xFF:X2}-{i & 0xFF:X2}";

    private static IReadOnlyList<string> Write(string folder, string kind, int count, int files, Func<int, string> block)
    {
        Directory.CreateDirectory(folder);
        var paths = new List<string>();
        var perFile = (count + files - 1) / files;
        for (var f = 0; f < files; f++)
        {
            var path = Path.Combine(folder, $"{kind}-{Guid.NewGuid():N}.txt");
            var text = new StringBuilder();
            for (var i = f * perFile; i < Math.Min(count, (f + 1) * perFile); i++)
                text.Append(block(i)).Append('\n');
            File.WriteAllText(path, text.ToString());
            paths.Add(path);
        }
        return paths;
    }
}
