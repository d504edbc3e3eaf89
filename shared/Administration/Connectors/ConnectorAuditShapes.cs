using System.Text.Json;
using CoworkSync.Administration.Audit;
using CoworkSync.Connectors;

namespace CoworkSync.Administration.Connectors;

/// <summary>
/// A connector's states as the audit log compares them (<see cref="AuditDiff"/>): what an operator set, as the admin API
/// names it, and nothing the change itself moves (times, ETags) or that is a secret.
/// </summary>
public static class ConnectorAuditShapes
{
    /// <summary>A connector's configuration: name, locations, settings and its platform's section as stored (platform settings hold no secret).</summary>
    public static object? Connector(Connector? connector)
    {
        if (connector is null)
            return null;
        var shape = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["platform"] = connector.Platform,
            ["displayName"] = connector.DisplayName,
            ["locations"] = connector.Locations.Select(LocationView.From).ToList(),
            ["settings"] = SettingsView.From(connector.Settings),
        };
        if (connector.PlatformSettings is { } settings)
            shape[connector.Platform] = JsonDocument.Parse(settings.JsonText).RootElement.Clone();
        return shape;
    }

    /// <summary>A plan mapping as plan → groups: <c>Flex (pln_flex)</c> → <c>flex, trial</c>, or <c>no WiFi</c>.</summary>
    public static object PlanMappings(IEnumerable<PlanMapping> mappings) =>
        mappings.GroupBy(Label, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Groups.Count == 0 ? "no WiFi" : string.Join(", ", g.Last().Groups), StringComparer.Ordinal);

    private static string Label(PlanMapping mapping) => mapping.PlanId is null ? mapping.PlanName : $"{mapping.PlanName} ({mapping.PlanId})";
}
