using System.Globalization;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Json;
using Serilog.Parsing;

namespace SessionHooks.Logging;

/// <summary>
/// One log line: <c>2026-11-21T21:48:33.123Z [INF] pre-commit 4242 message {"Extra":"properties"}</c>,
/// then the exception, if any, on the lines after. Written directly rather than through an output
/// template, whose parsing and rendering cost each short-lived hook process several milliseconds.
/// </summary>
internal sealed class LogLine(string component) : ITextFormatter
{
    private static readonly JsonValueFormatter Json = new(typeTagName: null);

    private readonly string prefix = string.Create(CultureInfo.InvariantCulture, $" {component} {Environment.ProcessId} ");

    public void Format(LogEvent logEvent, TextWriter output)
    {
        output.Write(logEvent.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        output.Write(" [");
        output.Write(Abbreviation(logEvent.Level));
        output.Write(']');
        output.Write(prefix);
        var named = WriteMessage(logEvent, output);
        WriteOtherProperties(logEvent, named, output);
        output.Write('\n');
        if (logEvent.Exception is { } exception)
        {
            output.Write(exception.ToString().ReplaceLineEndings("\n"));
            output.Write('\n');
        }
    }

    /// <summary>The message with its strings unquoted (Serilog's <c>:l</c>); returns the property names it used.</summary>
    private static HashSet<string> WriteMessage(LogEvent logEvent, TextWriter output)
    {
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in logEvent.MessageTemplate.Tokens)
        {
            if (token is not PropertyToken property)
            {
                output.Write(((TextToken)token).Text);
            }
            else if (logEvent.Properties.TryGetValue(property.PropertyName, out var value))
            {
                named.Add(property.PropertyName);
                if (value is ScalarValue { Value: string text })
                {
                    output.Write(text);
                }
                else
                {
                    value.Render(output, property.Format, CultureInfo.InvariantCulture);
                }
            }
            else
            {
                output.Write(property.ToString());
            }
        }

        return named;
    }

    private static void WriteOtherProperties(LogEvent logEvent, HashSet<string> named, TextWriter output)
    {
        var first = true;
        foreach (var (name, value) in logEvent.Properties)
        {
            if (named.Contains(name))
            {
                continue;
            }

            output.Write(first ? " {" : ",");
            first = false;
            JsonValueFormatter.WriteQuotedJsonString(name, output);
            output.Write(':');
            Json.Format(value, output);
        }

        if (!first)
        {
            output.Write('}');
        }
    }

    private static string Abbreviation(LogEventLevel level) => level switch
    {
        LogEventLevel.Verbose => "VRB",
        LogEventLevel.Debug => "DBG",
        LogEventLevel.Information => "INF",
        LogEventLevel.Warning => "WRN",
        LogEventLevel.Error => "ERR",
        _ => "FTL",
    };
}
