using Serilog.Core;
using Serilog.Events;

namespace SessionHooks.Secrets;

/// <summary>
/// Redacts every string property of a log event with the built-in detectors before any sink or
/// formatter sees it, so what reaches the log files under the git dir holds no secret whatever
/// writes it (<c>.Enrich.With(new SecretRedactingEnricher())</c>). Exceptions are logged as text
/// properties for the same reason.
/// </summary>
internal sealed class SecretRedactingEnricher : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            if (value is ScalarValue { Value: string text } && SecretRedactor.RedactBuiltIn(text) is var redacted && redacted != text)
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(redacted)));
            }
        }
    }
}
