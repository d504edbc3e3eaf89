using System.Collections.Concurrent;
using CoworkSync.Messaging.Events;
using CoworkSync.Messaging.Processing;

namespace CoworkSync.IntegrationTests.Support;

public enum Step
{
    Succeed,
    FailTransiently,
    FailPermanently,
    Crash,
}

/// <summary>
/// A handler whose behaviour per event id is scripted by the test (a sequence of steps; the last one repeats),
/// and which records every call and every successful application.
/// </summary>
public sealed class ScriptedHandler : IEventHandler
{
    public const string Type = "test.scripted";

    private readonly ConcurrentDictionary<string, ConcurrentQueue<Step>> _scripts = new();
    private readonly ConcurrentDictionary<string, Step> _last = new();

    public string EventType => Type;

    public ConcurrentBag<(string EventId, int Attempt)> Calls { get; } = [];

    public ConcurrentBag<string> Applied { get; } = [];

    public void Script(string eventId, params Step[] steps)
    {
        _scripts[eventId] = new ConcurrentQueue<Step>(steps);
        _last[eventId] = steps[^1];
    }

    public int CallsFor(string eventId) => Calls.Count(c => c.EventId == eventId);

    public int AppliedCount(string eventId) => Applied.Count(id => id == eventId);

    public Task HandleAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        Calls.Add((envelope.Id, envelope.Attempt));
        var step = _scripts.TryGetValue(envelope.Id, out var queue) && queue.TryDequeue(out var next)
            ? next
            : _last.GetValueOrDefault(envelope.Id, Step.Succeed);
        switch (step)
        {
            case Step.FailTransiently:
                throw new TransientEventException("the platform answered 503");
            case Step.FailPermanently:
                throw new PermanentEventException(DeadLetterReasons.UnknownConnector, $"Connector '{envelope.ConnectorId}' does not exist.");
            case Step.Crash:
                throw new InvalidOperationException("handler bug");
            default:
                Applied.Add(envelope.Id);
                return Task.CompletedTask;
        }
    }
}
