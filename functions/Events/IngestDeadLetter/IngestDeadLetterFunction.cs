using CoworkSync.Functions.Hosting.Invocation;
using CoworkSync.Messaging.DeadLetters;

namespace CoworkSync.Functions.Events.IngestDeadLetter;

/// <summary>Service Bus trigger on the events queue's dead-letter sub-queue: records each message for support staff.</summary>
public sealed class IngestDeadLetterFunction(DeadLetterIngestor ingestor) : IInvocationFunction
{
    public const string FunctionName = "IngestDeadLetter";
    public const string BindingName = "message";

    public string Name => FunctionName;

    public async Task<InvocationResult> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var input = ServiceBusTriggerInput.Read(request, BindingName);
        var record = await ingestor.IngestAsync(input.Delivery, input.DeadLetterReason, input.DeadLetterErrorDescription, cancellationToken);
        return InvocationResult.Success($"Recorded dead letter {record.Id} ({record.Reason})", record.Id);
    }
}
