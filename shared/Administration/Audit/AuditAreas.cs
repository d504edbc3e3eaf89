namespace CoworkSync.Administration.Audit;

/// <summary>What an audit entry is about, for filtering.</summary>
public static class AuditAreas
{
    /// <summary>A connector's configuration, secrets, plan mapping, syncs and connection.</summary>
    public const string Connectors = "connectors";

    public const string AccessGroups = "access-groups";

    public const string DeadLetters = "dead-letters";

    /// <summary>Members' accounts and welcome emails.</summary>
    public const string Members = "members";

    /// <summary>The member portal's settings: its "sign in with {platform}" apps.</summary>
    public const string Portal = "portal";

    public static IReadOnlyList<string> All { get; } = [Connectors, AccessGroups, DeadLetters, Members, Portal];

    public static bool IsKnown(string area) => All.Contains(area, StringComparer.Ordinal);
}

/// <summary>What was done, as an audit entry's <c>action</c>.</summary>
public static class AuditActions
{
    public const string ConnectorCreated = "connector.created";
    public const string ConnectorUpdated = "connector.updated";
    public const string SecretsSet = "secrets.set";
    public const string PlanMappingsReplaced = "plan-mappings.replaced";
    public const string SyncStarted = "sync.started";
    public const string ConnectStarted = "connect.started";
    public const string AccessGroupCreated = "access-group.created";
    public const string AccessGroupUpdated = "access-group.updated";
    public const string DeadLetterReplayed = "dead-letter.replayed";
    public const string DeadLetterDiscarded = "dead-letter.discarded";
    public const string AccountCreated = "account.created";
    public const string WelcomeEmailResent = "welcome-email.resent";
    public const string PortalSignInAppSet = "portal-sign-in-app.set";

    /// <summary>A member changed their own password in the portal.</summary>
    public const string PortalPasswordChanged = CoworkSync.MemberPortal.Passwords.MemberPortalAuditEntry.PasswordChanged;
}
