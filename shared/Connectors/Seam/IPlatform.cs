namespace CoworkSync.Connectors.Seam;

/// <summary>
/// A coworking platform CoworkSync connects spaces of: everything that knows the platform lives behind this, in the
/// platform's own folder, registered by its <c>AddX()</c> and found by <see cref="Name"/> through
/// <see cref="PlatformRegistry"/>. The generic code (connectors, members, syncs, the admin API) names no platform.
/// </summary>
public interface IPlatform
{
    /// <summary>
    /// Lowercase letters and digits (<c>example</c>): a connector's <see cref="Connector.Platform"/>, the property of its
    /// settings in a connector's body and view, the column of the connector row that keeps them (capitalized), and the
    /// segment of the platform's webhook URLs (<c>/api/webhooks/{name}/{connectorId}</c>).
    /// </summary>
    string Name { get; }

    /// <summary>The name people know the platform by (<c>Example</c>), for messages.</summary>
    string DisplayName { get; }

    /// <summary>The platform's section of a connector's configuration.</summary>
    IPlatformSettings Settings { get; }

    /// <summary>The secrets a connector of the platform needs, and their rules.</summary>
    IPlatformSecrets Secrets { get; }

    /// <summary>Verifies and reads the platform's webhooks.</summary>
    IWebhookReceiver Webhooks { get; }

    /// <summary>The platform's members, for syncs and the connector test.</summary>
    IPlatformMembers Members { get; }

    /// <summary>The platform's own checks in the connector test.</summary>
    IPlatformChecks Checks { get; }

    /// <summary>What the platform adds to the admin views of its connectors and members.</summary>
    IPlatformViews Views { get; }

    /// <summary>"Sign in with" the platform in the member portal; null when the platform offers none.</summary>
    IPlatformMemberSignIn? MemberSignIn => null;

    /// <summary>The platform's interactive connection, which a person starts in the browser; null when it has none.</summary>
    IPlatformConnect? Connect => null;
}
