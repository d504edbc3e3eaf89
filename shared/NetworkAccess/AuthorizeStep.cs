namespace CoworkSync.NetworkAccess;

/// <summary>One check authorize made, and what it found, in words for support staff (never a password).</summary>
/// <param name="Check">The check.</param>
/// <param name="Passed">Whether it let the request go on.</param>
/// <param name="Detail">What it found.</param>
public sealed record AuthorizeStep(AuthorizeCheck Check, bool Passed, string Detail);
