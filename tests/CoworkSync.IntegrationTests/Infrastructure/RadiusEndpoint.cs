namespace CoworkSync.IntegrationTests.Infrastructure;

/// <summary>Where a RADIUS server listens and the shared secret of this client.</summary>
/// <param name="CaCertificatePath">The CA certificate EAP clients verify the server's certificate with; null skips the check.</param>
public sealed record RadiusEndpoint(string Host, int AuthPort, int AcctPort, string Secret, string? CaCertificatePath = null);
