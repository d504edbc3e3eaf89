namespace CoworkSync.Functions.Hosting.Invocation;

/// <summary>
/// Runs non-HTTP functions by name, for the host's <c>POST /{FunctionName}</c> and for local mode's queue pump
/// and timers alike. An exception becomes a failed invocation, never a lost one.
/// </summary>
/// <remarks>
/// The functions are built on first use, not with the invoker: local mode's pump and timers hold the invoker from the
/// host's start, and the functions' services (platform clients, their HTTP pipelines) would otherwise be built before
/// the server listens. A failure to build them is not kept: the next use tries again.
/// </remarks>
public sealed partial class FunctionInvoker
{
    private readonly Lazy<Dictionary<string, IInvocationFunction>> _functions;
    private readonly TimeProvider _time;
    private readonly ILogger<FunctionInvoker> _logger;

    public FunctionInvoker(IEnumerable<IInvocationFunction> functions, TimeProvider time, ILogger<FunctionInvoker> logger)
        : this(() => functions, time, logger)
    {
    }

    public FunctionInvoker(Func<IEnumerable<IInvocationFunction>> functions, TimeProvider time, ILogger<FunctionInvoker> logger)
    {
        _functions = new(() => functions().ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase), LazyThreadSafetyMode.PublicationOnly);
        _time = time;
        _logger = logger;
    }

    /// <summary>Registers the invoker over every registered <see cref="IInvocationFunction"/>, resolved on first use.</summary>
    public static void Register(IServiceCollection services) =>
        services.AddSingleton(provider => new FunctionInvoker(
            provider.GetServices<IInvocationFunction>,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<FunctionInvoker>>()));

    public IReadOnlyCollection<string> FunctionNames => _functions.Value.Keys;

    public bool Exists(string name) => _functions.Value.ContainsKey(name);

    public async Task<InvocationResult> InvokeAsync(string name, InvocationRequest request, CancellationToken cancellationToken)
    {
        if (!_functions.Value.TryGetValue(name, out var function))
            throw new InvalidOperationException($"No function is named '{name}'.");

        var started = _time.GetTimestamp();
        try
        {
            var result = await function.InvokeAsync(request, cancellationToken);
            LogInvoked(function.Name, result.Succeeded, _time.GetElapsedTime(started).TotalMilliseconds);
            return result;
        }
        catch (Exception ex)
        {
            LogFailed(ex, function.Name);
            return InvocationResult.Failure($"{function.Name} failed: {ex.GetType().Name}");
        }
    }

    [LoggerMessage(EventId = 10, EventName = "FunctionInvoked", Level = LogLevel.Debug, Message = "Invoked {FunctionName}: succeeded {Succeeded} in {ElapsedMs:F1} ms")]
    private partial void LogInvoked(string functionName, bool succeeded, double elapsedMs);

    [LoggerMessage(EventId = 11, EventName = "FunctionFailed", Level = LogLevel.Error, Message = "{FunctionName} failed; the invocation is reported as failed")]
    private partial void LogFailed(Exception exception, string functionName);
}
