namespace CoworkSync.IntegrationTests.Infrastructure;

/// <summary>What else an <see cref="EapolTest"/> login sends, beyond the identity and password.</summary>
public sealed record EapOptions
{
    /// <summary>The outer (unencrypted) identity, e.g. <c>anonymous@example.com</c>; the real one then only travels inside TLS.</summary>
    public string? AnonymousIdentity { get; init; }

    public string? NasIdentifier { get; init; }

    /// <summary>Replaces eapol_test's own Called-Station-Id.</summary>
    public string? CalledStationId { get; init; }

    /// <summary>Replaces eapol_test's own Calling-Station-Id (02-00-00-00-00-01).</summary>
    public string? CallingStationId { get; init; }
}
