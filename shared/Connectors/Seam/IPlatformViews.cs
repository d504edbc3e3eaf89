namespace CoworkSync.Connectors.Seam;

/// <summary>What a platform adds to the admin views: its section of a connector's view, and properties of a member's.</summary>
public interface IPlatformViews
{
    /// <summary>
    /// The platform's section of the connector's view, shown under the platform's <see cref="IPlatform.Name"/> (its
    /// settings as the operator gave them, and whatever state it keeps about the connection). Never a secret's value.
    /// </summary>
    Task<object?> ConnectorSectionAsync(Connector connector, CancellationToken cancellationToken);

    /// <summary>
    /// The names of the properties the platform adds to a member's view (the member's last check-in at the platform, say). Every member's view has
    /// every registered platform's, null unless the member is the platform's and the view is one member's.
    /// </summary>
    IReadOnlyList<string> MemberProperties => [];

    /// <summary>The values of <see cref="MemberProperties"/> for one member of one of the platform's connectors; a name left out is null.</summary>
    Task<IReadOnlyDictionary<string, object?>> MemberPropertiesAsync(Connector connector, string memberId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, object?>>(new Dictionary<string, object?>());

    /// <summary>
    /// The connector's state at the platform, when the platform keeps one (a connection made through OAuth, say); null
    /// when which of its secrets are set says it all.
    /// </summary>
    Task<PlatformStatus?> StatusAsync(Connector connector, CancellationToken cancellationToken) => Task.FromResult<PlatformStatus?>(null);
}
