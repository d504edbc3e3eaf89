using System.Text.Json;
using CoworkSync.Administration.Connectors;
using CoworkSync.Administration.SyncRuns;
using CoworkSync.Connectors;
using CoworkSync.Connectors.Seam;
using CoworkSync.Connectors.Updates;

namespace CoworkSync.Functions.Console.Connectors;

/// <summary>Reads a <see cref="ConnectorDetails"/>; null when there is no such connector.</summary>
public sealed class ConnectorDetailsReader(
    ConnectorStore store,
    ConnectorAdministration connectors,
    SyncRunAdministration syncs,
    ConnectorStatuses statuses,
    PlatformRegistry platforms)
{
    /// <summary>How many sync runs the page lists.</summary>
    public const int SyncRunsShown = 10;

    public async Task<ConnectorDetails?> ReadAsync(string connectorId, CancellationToken cancellationToken)
    {
        if (!ConnectorInput.IsValidConnectorId(connectorId) || await store.GetAsync(connectorId, cancellationToken) is not { } connector)
            return null;
        var view = await connectors.GetAsync(connectorId, cancellationToken);
        var secrets = await connectors.GetSecretsAsync(connectorId, cancellationToken);
        var mappings = await connectors.GetPlanMappingsAsync(connectorId, cancellationToken);
        var runs = await syncs.ListAsync(connectorId, SyncRunsShown, cancellationToken);
        if (!view.Succeeded || !secrets.Succeeded || !mappings.Succeeded || !runs.Succeeded)
            return null;
        return new ConnectorDetails(
            view.Value!,
            await statuses.ForAsync(connector, cancellationToken),
            SectionOf(view.Value!),
            secrets.Value!,
            mappings.Value!,
            runs.Value!,
            platforms.Find(connector.Platform)?.Connect);
    }

    /// <summary>The platform's section of the view (what the admin API shows under the platform's name), flattened to text.</summary>
    private static IReadOnlyList<KeyValuePair<string, string>> SectionOf(ConnectorView view)
    {
        if (view.PlatformSections.GetValueOrDefault(view.Platform) is not { } section)
            return [];
        var json = JsonSerializer.SerializeToElement(section, section.GetType(), JsonSerializerOptions.Web);
        if (json.ValueKind != JsonValueKind.Object)
            return [new(view.Platform, json.ToString())];
        return [.. json.EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, Text(p.Value)))];
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Null => "(none)",
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        _ => value.GetRawText(),
    };
}
