using System.Text.RegularExpressions;

namespace CoworkSync.Functions.Hosting.Local;

/// <summary>Resolves <c>%Name%</c> in binding properties from settings, as the Functions host does.</summary>
public static partial class AppSettingExpression
{
    public static string Resolve(string value, IConfiguration configuration) =>
        SettingReference().Replace(value, m =>
            configuration[m.Groups[1].Value.Replace("__", ":", StringComparison.Ordinal)]
            ?? throw new InvalidOperationException($"The setting '{m.Groups[1].Value}' used in a binding is not set."));

    [GeneratedRegex("%([A-Za-z0-9_.:-]+)%")]
    private static partial Regex SettingReference();
}
