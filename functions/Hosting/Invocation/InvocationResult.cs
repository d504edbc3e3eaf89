namespace CoworkSync.Functions.Hosting.Invocation;

/// <summary>
/// The outcome of one invocation. Succeeded answers 200, which completes a Service Bus message; anything else
/// answers 500, which makes the host abandon the message so the broker redelivers it.
/// </summary>
public sealed record InvocationResult(bool Succeeded, InvocationResponse Response)
{
    public static InvocationResult Success(string log, object? returnValue = null) =>
        new(true, new InvocationResponse { Logs = [log], ReturnValue = returnValue });

    public static InvocationResult Failure(string log) => new(false, new InvocationResponse { Logs = [log] });
}
