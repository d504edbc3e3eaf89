namespace CoworkSync.Ceilings;

/// <summary>
/// What the ceilings need, from the environment: <c>CEILING_STORAGE</c> (the storage connection string, the same Azurite
/// as CoworkSync), <c>CEILING_CYCLE_KEY</c> (the billing cycle's key, <c>yyyy-MM-dd</c>, whose usage rows authorize reads),
/// <c>CEILING_PASSWORD</c> (the password the fixed authorize reply carries) and <c>CEILING_QUEUE</c> (the queue intake
/// sends to; a queue of its own, so CoworkSync's pump never takes its messages).
/// </summary>
public sealed record CeilingOptions(string StorageConnectionString, string CycleKey, string Password, string QueueName)
{
    public static CeilingOptions FromEnvironment() => new(
        Required("CEILING_STORAGE"),
        Required("CEILING_CYCLE_KEY"),
        Required("CEILING_PASSWORD"),
        Environment.GetEnvironmentVariable("CEILING_QUEUE") is { Length: > 0 } queue ? queue : "ceiling-events");

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Set {name}: see CeilingOptions.");
}
