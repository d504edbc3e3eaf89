using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoworkSync.IntegrationTests.Support;

/// <summary>
/// Keeps every log line the app writes, of every category: its text, its structured values, its exception and every
/// scope around it (with their values), so a test can look for a secret anywhere a log sink could put it. It sees
/// what the app's filters let through, and at every level the categories named in <see cref="AddTo"/>.
/// </summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<string> Lines { get; } = new();

    /// <summary>Adds the capture to the app, every level of <paramref name="everyLevelOf"/> included.</summary>
    public void AddTo(IServiceCollection services, params string[] everyLevelOf)
    {
        services.AddSingleton<ILoggerProvider>(this);
        services.Configure<LoggerFilterOptions>(options =>
        {
            foreach (var category in everyLevelOf)
                options.Rules.Add(new LoggerFilterRule(typeof(LogCapture).FullName, category, LogLevel.Trace, null));
        });
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() { }

    private static void AppendValues(StringBuilder line, object? state)
    {
        line.Append(" | ").Append(state);
        if (state is IEnumerable<KeyValuePair<string, object?>> values)
        {
            foreach (var (key, value) in values)
                line.Append(' ').Append(key).Append('=').Append(value);
        }
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => capture._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new StringBuilder($"{category} {logLevel} {eventId.Id}: {formatter(state, exception)}");
            AppendValues(line, state);
            if (exception is not null)
                line.Append(" | ").Append(exception);
            capture._scopes.ForEachScope((scope, text) => AppendValues(text.Append(" | scope"), scope), line);
            capture.Lines.Enqueue(line.ToString());
        }
    }
}
