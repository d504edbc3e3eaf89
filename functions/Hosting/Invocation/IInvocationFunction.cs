namespace CoworkSync.Functions.Hosting.Invocation;

/// <summary>A function with a non-HTTP trigger (Service Bus, timer), invoked with the host's payload.</summary>
public interface IInvocationFunction
{
    /// <summary>The function's name: its folder, and the path <c>/{Name}</c> the host posts to.</summary>
    string Name { get; }

    /// <summary>Throws only for an unexpected failure; the invoker turns that into a failed invocation.</summary>
    Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken);
}
