using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace SessionHooks.Logging;

/// <summary>
/// A logger made on another thread while the hook starts its work: setting up Serilog and its file
/// sink costs a hook about 5 ms, and a hook writes its first line only when its work is done.
/// Each call waits for the logger, so nothing is lost and lines keep their order.
/// </summary>
internal sealed class DeferredLogger(Task<IHookLogger> creating) : IHookLogger
{
    private IHookLogger Inner => creating.GetAwaiter().GetResult();

    public void Write(LogEvent logEvent) => Inner.Write(logEvent);

    public bool IsEnabled(LogEventLevel level) => Inner.IsEnabled(level);

    public void Write(LogEventLevel level, Exception? exception, string messageTemplate, params object?[]? propertyValues) =>
        Inner.Write(level, exception, messageTemplate, propertyValues);

    public bool BindMessageTemplate(string messageTemplate, object?[]? propertyValues, out MessageTemplate parsedTemplate, out IEnumerable<LogEventProperty> boundProperties) =>
        Inner.BindMessageTemplate(messageTemplate, propertyValues, out parsedTemplate!, out boundProperties!);

    public bool BindProperty(string? propertyName, object? value, bool destructureObjects, out LogEventProperty property) =>
        Inner.BindProperty(propertyName, value, destructureObjects, out property!);

    public ILogger ForContext(ILogEventEnricher enricher) => Inner.ForContext(enricher);

    public ILogger ForContext(string propertyName, object? value, bool destructureObjects = false) =>
        Inner.ForContext(propertyName, value, destructureObjects);

    public void Dispose() => Inner.Dispose();
}
