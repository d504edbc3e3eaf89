using CoworkSync.Connectors;

namespace CoworkSync.Platforms.Cobot;

/// <summary>A Cobot connector's settings (the <c>cobot</c> section, stored in the connector row's <c>Cobot</c> column).</summary>
/// <param name="Subdomain">The space's Cobot subdomain (<c>co-up</c> for <c>https://co-up.cobot.me</c>).</param>
/// <param name="ApiBaseUrl">The space's API1 origin, <c>https://{subdomain}.cobot.me/</c> unless overridden (tests).</param>
/// <param name="OAuthBaseUrl">Cobot's OAuth and user-level origin, <c>https://www.cobot.me/</c> unless overridden.</param>
/// <param name="CustomFieldGroups">Members' custom field <paramref name="CustomFieldLabel"/> adds access groups.</param>
/// <param name="CustomFieldLabel">The label of that custom field in the space (<see cref="DefaultCustomFieldLabel"/> unless set).</param>
public sealed record CobotConnectorSettings(string Subdomain, Uri ApiBaseUrl, Uri OAuthBaseUrl, bool CustomFieldGroups = false, string CustomFieldLabel = CobotConnectorSettings.DefaultCustomFieldLabel)
{
    public const string DefaultCustomFieldLabel = "WiFi groups";

    /// <summary>The settings of a Cobot connector; null when it is another platform's or has none.</summary>
    public static CobotConnectorSettings? Of(Connector connector) =>
        connector.Platform == CobotPlatform.PlatformName ? connector.PlatformSettings?.As<CobotConnectorSettings>() : null;

    public PlatformSettings ToPlatformSettings() => PlatformSettings.From(this);
}
