namespace CoworkSync.Administration.Audit;

/// <summary>Who made a change, as the audit log keeps it.</summary>
/// <param name="Name">The person (the console's signed-in name, an Entra principal), or what the admin API knows of the caller.</param>
/// <param name="Via">Where the change was made: <see cref="Console"/>, <see cref="AdminApi"/> or <see cref="MemberPortal"/>.</param>
/// <param name="Role">The console role they held (<c>Operator</c>, <c>Support</c>); null through the admin API.</param>
public sealed record AuditActor(string Name, string Via, string? Role = null)
{
    public const string Console = "console";
    public const string AdminApi = "admin API";
    public const string MemberPortal = "member portal";

    /// <summary>What the admin API records when nobody is named: whoever held the function key.</summary>
    public const string AdminApiKeyHolder = "admin API key";

    public const int MaxNameLength = 200;

    /// <summary>Someone signed in to the console, with the role they acted in.</summary>
    public static AuditActor InConsole(string name, string? role) => new(Bounded(name), Console, role);

    /// <summary>A caller of the admin API: a name it gave or the platform vouched for; the key's holder when none.</summary>
    public static AuditActor ThroughAdminApi(string? name) =>
        new(string.IsNullOrWhiteSpace(name) ? AdminApiKeyHolder : Bounded(name), AdminApi);

    /// <summary>A member acting on their own account in the portal, as their session names them.</summary>
    public static AuditActor InMemberPortal(string name) => new(Bounded(name), MemberPortal);

    /// <summary>How lists show them: <c>Ada (Operator, console)</c>.</summary>
    public override string ToString() => Role is null ? $"{Name} ({Via})" : $"{Name} ({Role}, {Via})";

    private static string Bounded(string name)
    {
        var trimmed = name.Trim();
        return trimmed.Length <= MaxNameLength ? trimmed : trimmed[..MaxNameLength];
    }
}
