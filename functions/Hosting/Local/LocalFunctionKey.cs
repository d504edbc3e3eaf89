using System.Security.Cryptography;

namespace CoworkSync.Functions.Hosting.Local;

/// <summary>
/// The key local mode requires on function and admin routes: the setting <c>LocalMode__FunctionKey</c>, or else a
/// random key created once and kept in <c>{LocalData}/function-key</c> (readable only by its owner).
/// </summary>
public static class LocalFunctionKey
{
    public const string SettingName = "LocalMode:FunctionKey";
    public const string FileName = "function-key";

    public static string Resolve(IConfiguration configuration, string dataPath)
    {
        if (configuration[SettingName] is { Length: > 0 } configured)
            return configured;

        var path = Path.Combine(dataPath, FileName);
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } existing)
            return existing;

        Directory.CreateDirectory(dataPath);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        File.WriteAllText(path, key);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return key;
    }
}
