namespace CoworkSync.NetworkAccess;

/// <summary>A RADIUS request body that cannot be read.</summary>
public sealed class RadiusRequestException(string message, Exception? innerException = null) : Exception(message, innerException);
