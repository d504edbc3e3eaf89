using CoworkSync.Connectors.Seam;
using CoworkSync.NetworkAccess;

namespace CoworkSync.MemberPortal.Accounts;

/// <summary>One of a member's accounts as the member portal shows it to that member: never the password.</summary>
/// <param name="Identity">Whose it is.</param>
/// <param name="SpaceName">The space (the connector's name).</param>
/// <param name="MemberName">The member's name at the platform.</param>
/// <param name="PlanName">Their plan; null when none.</param>
/// <param name="State">The account's state in plain words.</param>
/// <param name="Wifi">The WiFi account; null when the member has none.</param>
/// <param name="Facts">What the member's platform tells them about themself (their last check-in).</param>
public sealed record PortalAccount(
    ProvenMember Identity, string SpaceName, string MemberName, string? PlanName, AccountState State, PortalWifi? Wifi, IReadOnlyList<MemberFact> Facts);

/// <param name="Username">The WiFi user name.</param>
/// <param name="NetworkName">The network to join at the member's location.</param>
/// <param name="LocationName">The member's location.</param>
/// <param name="ServerCertificateName">The RADIUS server certificate's name at that location; null when not set.</param>
/// <param name="Enabled">Whether the account may connect.</param>
/// <param name="Usage">The current billing cycle; null for a disabled account.</param>
/// <param name="AllowedHours">When the account may connect, in plain words; null when at any time.</param>
public sealed record PortalWifi(
    string Username, string NetworkName, string LocationName, string? ServerCertificateName, bool Enabled, AccountUsage? Usage, string? AllowedHours);

/// <param name="CanConnect">The account is enabled and has hours left.</param>
/// <param name="Text">What the member reads.</param>
public sealed record AccountState(bool CanConnect, string Text);
