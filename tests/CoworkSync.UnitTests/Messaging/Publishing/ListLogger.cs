using Microsoft.Extensions.Logging;

namespace CoworkSync.UnitTests.Messaging.Publishing;

/// <summary>Keeps every formatted log message and exception text, to check that no secret is written.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    public List<string> Lines { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Lines)
            Lines.Add($"{logLevel}: {formatter(state, exception)} {exception}");
    }
}
