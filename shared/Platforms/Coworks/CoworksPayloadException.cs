namespace CoworkSync.Platforms.Coworks;

/// <summary>
/// Coworks sent something that is not the documented wire format (in a webhook or an API response). Sending it
/// again will not help: the message names what is wrong so the contract can be checked.
/// </summary>
public sealed class CoworksPayloadException : Exception
{
    public CoworksPayloadException(string message, Exception? innerException = null) : base(message, innerException) { }
}
