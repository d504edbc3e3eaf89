using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoworkSync.IntegrationTests.Support;

/// <summary>
/// Keeps every log line the app writes, of every category and level: the message, the exception, the structured values
/// and the scopes, so a test can check that no secret is written anywhere.
/// </summary>
public sealed class LogCollector : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<string> Lines => _lines.ToArray();

    /// <summary>Adds the collector to an app's services, at trace level whatever the app's own filters say.</summary>
    public void AddTo(IServiceCollection services) =>
        services.AddLogging(logging => logging.AddProvider(this).AddFilter<LogCollector>(category: null, LogLevel.Trace));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() { }

    private sealed class Logger(LogCollector collector, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => collector._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new StringBuilder($"{logLevel} {category}[{eventId.Id}]: {formatter(state, exception)} {exception}");
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (name, value) in values)
                    line.Append(" | ").Append(name).Append('=').Append(value);
            }
            collector._scopes.ForEachScope((scope, text) => text.Append(" => ").Append(scope), line);
            collector._lines.Enqueue(line.ToString());
        }
    }
}
