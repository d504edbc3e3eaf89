using CoworkSync.Connectors.Seam;

namespace CoworkSync.IntegrationTests.Platforms.Acme;

/// <summary>
/// Acme, a platform that exists only in the tests: its own settings section, secret, signed webhooks and member list,
/// plugged into the app through the seam alone (<see cref="AcmeServiceCollectionExtensions.AddAcme"/>). Nothing in the
/// product names it.
/// </summary>
public sealed class AcmePlatform(AcmeSettingsSection settings, AcmeSecrets secrets, AcmeWebhookReceiver webhooks, AcmeMembers members, AcmeChecks checks, AcmeViews views) : IPlatform
{
    public const string PlatformName = "acme";

    public string Name => PlatformName;

    public string DisplayName => "Acme";

    public IPlatformSettings Settings => settings;

    public IPlatformSecrets Secrets => secrets;

    public IWebhookReceiver Webhooks => webhooks;

    public IPlatformMembers Members => members;

    public IPlatformChecks Checks => checks;

    public IPlatformViews Views => views;
}
