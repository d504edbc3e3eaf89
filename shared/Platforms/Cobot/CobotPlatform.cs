using CoworkSync.Connectors.Seam;

namespace CoworkSync.Platforms.Cobot;

/// <summary>
/// Cobot: one space (subdomain) per connector, connected through OAuth or an operator's token, unsigned webhooks with
/// a callback token in their URL, check-ins when a member's WiFi session starts.
/// </summary>
public sealed class CobotPlatform(
    CobotSettingsSection settings,
    CobotSecrets secrets,
    CobotWebhookReceiver webhooks,
    CobotMembers members,
    CobotChecks checks,
    CobotViews views,
    CobotMemberSignIn signIn,
    CobotConnect connect) : IPlatform
{
    public const string PlatformName = "cobot";

    public string Name => PlatformName;

    public string DisplayName => "Cobot";

    public IPlatformSettings Settings => settings;

    public IPlatformSecrets Secrets => secrets;

    public IWebhookReceiver Webhooks => webhooks;

    public IPlatformMembers Members => members;

    public IPlatformChecks Checks => checks;

    public IPlatformViews Views => views;

    public IPlatformMemberSignIn MemberSignIn => signIn;

    public IPlatformConnect Connect => connect;
}
