namespace CoworkSync.Functions.Hosting;

public static class LocalModeDefaults
{
    /// <summary>The Functions host's usual local address, so clients and docs work unchanged.</summary>
    public const string Url = "http://127.0.0.1:7071";
}
