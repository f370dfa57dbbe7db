using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace SessionHooks.Logging;

/// <summary>
/// Serilog's logger with events stamped in UTC. Serilog stamps each event with
/// <see cref="DateTimeOffset.Now"/>, and the first local time a process asks for costs it
/// about 7 ms of time-zone loading — a tenth of a hook's run — for a value the log does not need.
/// </summary>
internal sealed class UtcLogger(ILogger inner) : IHookLogger
{
    public void Write(LogEvent logEvent) => inner.Write(logEvent);

    public bool IsEnabled(LogEventLevel level) => inner.IsEnabled(level);

    // Every Information/Warning/… overload ends here; only the timestamp differs from Serilog's own.
    public void Write(LogEventLevel level, Exception? exception, string messageTemplate, params object?[]? propertyValues)
    {
        if (!inner.IsEnabled(level) || messageTemplate is null)
        {
            return;
        }

        if (inner.BindMessageTemplate(messageTemplate, propertyValues, out var template, out var properties))
        {
            inner.Write(new LogEvent(DateTimeOffset.UtcNow, level, exception, template, properties));
        }
    }

    public bool BindMessageTemplate(string messageTemplate, object?[]? propertyValues, out MessageTemplate parsedTemplate, out IEnumerable<LogEventProperty> boundProperties) =>
        inner.BindMessageTemplate(messageTemplate, propertyValues, out parsedTemplate!, out boundProperties!);

    public bool BindProperty(string? propertyName, object? value, bool destructureObjects, out LogEventProperty property) =>
        inner.BindProperty(propertyName, value, destructureObjects, out property!);

    public ILogger ForContext(ILogEventEnricher enricher) => new UtcLogger(inner.ForContext(enricher));

    public ILogger ForContext(string propertyName, object? value, bool destructureObjects = false) =>
        new UtcLogger(inner.ForContext(propertyName, value, destructureObjects));

    public void Dispose() => (inner as IDisposable)?.Dispose();
}
