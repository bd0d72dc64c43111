using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AlignBot.Host.Tests.Infrastructure;

/// <summary>What AlignBot logged at <paramref name="minimum"/> or above, by category, to check what is reported and how often.</summary>
public sealed class LogCollector(LogLevel minimum = LogLevel.Error) : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Message)> _entries = new();

    public IReadOnlyList<(string Category, LogLevel Level, string Message)> Entries => [.. _entries];

    /// <summary>The messages logged as errors or worse.</summary>
    public IReadOnlyList<string> Errors => [.. _entries.Where(e => e.Level >= LogLevel.Error).Select(e => e.Message)];

    public ILogger CreateLogger(string categoryName) => new Collector(categoryName, minimum, _entries);

    public void Dispose()
    {
    }

    private sealed class Collector(string category, LogLevel minimum, ConcurrentQueue<(string, LogLevel, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= minimum)
            {
                entries.Enqueue((category, logLevel, formatter(state, exception)));
            }
        }
    }
}
