using CoworkSync.Functions.Hosting.Invocation;
using CoworkSync.Messaging.Processing;

namespace CoworkSync.Functions.Events.ProcessEvent;

/// <summary>Service Bus trigger on the events queue: applies each event through the failure policy.</summary>
public sealed class ProcessEventFunction(IEventProcessor processor) : IInvocationFunction
{
    public const string FunctionName = "ProcessEvent";
    public const string BindingName = "message";

    public string Name => FunctionName;

    public async Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var input = ServiceBusTriggerInput.Read(request, BindingName);
        var outcome = await processor.ProcessAsync(input.Delivery, cancellationToken);
        return InvocationResult.Success($"Message {input.Delivery.MessageId} (delivery {input.Delivery.DeliveryCount}): {outcome}", outcome.ToString());
    }
}
