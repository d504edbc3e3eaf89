using CoworkSync.Connectors.Seam;

namespace CoworkSync.MemberPortal.SignInLinks;

/// <summary>The members whose email at their platform is an address, found without scanning every member (an index).</summary>
public interface IMembersByEmail
{
    /// <param name="normalizedEmail">Trimmed and lowercased (<see cref="EmailKeys.Normalize"/>).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    Task<IReadOnlyList<ProvenMember>> FindAsync(string normalizedEmail, CancellationToken cancellationToken);
}
