using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CoworkSync.Functions.Hosting.Local;

/// <summary>Tells the person who started local mode where CoworkSync answers and how to call its admin API.</summary>
public static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        if (HostingMode.IsCustomHandler(app.Configuration))
            return;
        var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        var baseUrl = addresses?.FirstOrDefault() ?? LocalModeDefaults.Url;
        var keySource = app.Configuration[LocalFunctionKey.SettingName] is { Length: > 0 }
            ? "the setting LocalMode__FunctionKey"
            : Path.Combine(Path.GetFullPath(app.Configuration[CoworkSyncServices.LocalDataPathSetting] ?? ".data"), LocalFunctionKey.FileName);

        System.Console.WriteLine($"""

            CoworkSync is running in local mode.
              App:          {baseUrl}
              Health:       {baseUrl}/api/health
              Console:      {baseUrl}/console  (sign in with the admin key)
              Dead letters: {baseUrl}/api/admin/dead-letters  (send the key as the x-functions-key header)
              Admin key:    {keySource}
            Press Ctrl-C to stop.

            """);
    }
}
