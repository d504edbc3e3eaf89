namespace CoworkSync.Messaging.Processing;

/// <summary>Finds the handler for an event type. Two handlers for one type is a startup error.</summary>
public sealed class EventHandlerRegistry
{
    private readonly Dictionary<string, IEventHandler> _byType;

    public EventHandlerRegistry(IEnumerable<IEventHandler> handlers)
    {
        _byType = new Dictionary<string, IEventHandler>(StringComparer.Ordinal);
        foreach (var handler in handlers)
        {
            if (!_byType.TryAdd(handler.EventType, handler))
                throw new InvalidOperationException($"Two event handlers are registered for event type '{handler.EventType}'.");
        }
    }

    public IEventHandler? Find(string eventType) => _byType.GetValueOrDefault(eventType);

    public IReadOnlyCollection<string> EventTypes => _byType.Keys;
}
