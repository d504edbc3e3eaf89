namespace CoworkSync.IntegrationTests.Infrastructure;

/// <summary>Finds the FreeRADIUS programs the RADIUS helpers run; /usr/sbin is searched even when it is not on PATH.</summary>
internal static class RadiusTools
{
    public const string InstallHint =
        "Run `bash scripts/test.sh` (it installs freeradius freeradius-utils freeradius-rest eapoltest when missing), " +
        "or `apt-get install freeradius freeradius-utils freeradius-rest eapoltest` as root.";

    private static readonly string[] ExtraDirectories = ["/usr/sbin", "/usr/local/sbin", "/usr/bin"];

    /// <returns>The full path of <paramref name="program"/>.</returns>
    /// <exception cref="InvalidOperationException">It is not installed.</exception>
    public static string Require(string program, string package)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(ExtraDirectories)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
        return path ?? throw new InvalidOperationException($"`{program}` (Debian package {package}) is not installed. {InstallHint}");
    }
}
