namespace CoworkSync.Functions.Hosting.Invocation;

/// <summary>An invocation payload that does not carry what the function's bindings promise.</summary>
public sealed class InvalidInvocationException(string message) : Exception(message);
