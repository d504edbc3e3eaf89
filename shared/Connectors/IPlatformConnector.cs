using CoworkSync.Provisioning;

namespace CoworkSync.Connectors;

/// <summary>
/// What sync runs and the operator's connector test need from a platform, whatever it is. One implementation per
/// platform; everything platform-specific stays behind it.
/// </summary>
public interface IPlatformConnector
{
    /// <summary>The <see cref="Connector.Platform"/> this implementation serves.</summary>
    string Platform { get; }

    IAsyncEnumerable<PlatformMember> ListMembersAsync(Connector connector, CancellationToken cancellationToken);

    Task<IReadOnlyList<PlatformPlan>> ListPlansAsync(Connector connector, CancellationToken cancellationToken);

    /// <summary>Is the platform reachable with this connector's credentials? Never throws for a platform failure.</summary>
    Task<PlatformCheck> CheckAsync(Connector connector, CancellationToken cancellationToken);
}

/// <param name="Ok">The platform answered and accepted the credentials.</param>
/// <param name="Message">What an operator needs to know, without secrets.</param>
public sealed record PlatformCheck(bool Ok, string Message);
