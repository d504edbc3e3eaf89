namespace CoworkSync.Functions.Hosting;

/// <summary>Under the Functions host (custom handler) or standalone (local mode).</summary>
public static class HostingMode
{
    public const string CustomHandlerPortSetting = "FUNCTIONS_CUSTOMHANDLER_PORT";

    public static bool IsCustomHandler(IConfiguration configuration) => !string.IsNullOrEmpty(configuration[CustomHandlerPortSetting]);
}
