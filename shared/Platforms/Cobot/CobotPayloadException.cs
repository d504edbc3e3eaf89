namespace CoworkSync.Platforms.Cobot;

/// <summary>Cobot answered 2xx with something that is not its documented format. Never quotes member data.</summary>
public sealed class CobotPayloadException(string message, Exception? innerException = null) : Exception(message, innerException);
