using CoworkSync.Connectors.Seam;

namespace CoworkSync.Platforms.Coworks;

/// <summary>Coworks: API-key access to one space per connector, signed webhooks that carry the member's whole state.</summary>
public sealed class CoworksPlatform(
    CoworksSettingsSection settings,
    CoworksSecrets secrets,
    CoworksWebhookReceiver webhooks,
    CoworksMembers members,
    CoworksChecks checks,
    CoworksViews views) : IPlatform
{
    public const string PlatformName = "coworks";

    public string Name => PlatformName;

    public string DisplayName => "Coworks";

    public IPlatformSettings Settings => settings;

    public IPlatformSecrets Secrets => secrets;

    public IWebhookReceiver Webhooks => webhooks;

    public IPlatformMembers Members => members;

    public IPlatformChecks Checks => checks;

    public IPlatformViews Views => views;
}
