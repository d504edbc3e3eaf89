using CoworkSync.Connectors;

namespace CoworkSync.Functions.Admin;

/// <summary>A connector as the admin API shows it: its configuration and which secrets are set, never their values.</summary>
public static class ConnectorView
{
    public static object From(Connector c, bool apiKeySet, bool webhookSecretSet, object? cobot = null) => new
    {
        id = c.Id,
        platform = c.Platform,
        displayName = c.DisplayName,
        locations = c.Locations.Select(l => new { id = l.Id, name = l.Name, timeZone = l.TimeZone, nasIdentifiers = l.NasPatterns }),
        coworks = c.Coworks is null ? null : new { apiBaseUrl = c.Coworks.ApiBaseUrl.ToString().TrimEnd('/'), spaceId = c.Coworks.SpaceId },
        cobot,
        settings = new
        {
            autoProvision = c.Settings.AutoProvision,
            autoDeprovision = c.Settings.AutoDeprovision,
            syncIntervalMinutes = c.Settings.SyncIntervalMinutes,
            sendWelcomeEmail = c.Settings.SendWelcomeEmail,
            allowAllLocations = c.Settings.AllowAllLocations,
        },
        secrets = new { apiKey = apiKeySet ? "set" : "missing", webhookSecret = webhookSecretSet ? "set" : "missing" },
        webhookSecretRotatedAt = c.WebhookSecretRotatedAt,
        createdAt = c.CreatedAt,
        updatedAt = c.UpdatedAt,
    };

    public static object Mappings(IEnumerable<CoworkSync.Connectors.PlanMapping> mappings) =>
        mappings.Select(m => new { planId = m.PlanId, planName = m.PlanName, groups = m.Groups });
}
