using System.Text;
using System.Text.Json;
using SessionHooks.Diagnostics;
using SessionHooks.Model;

namespace SessionHooks.Formats;

/// <summary>
/// Turns a session file's bytes into its typed model, or into diagnostics that say where and
/// why it cannot be read. Never throws for bad input.
/// </summary>
public static class SessionFileParser
{
    public static LoadResult<AiSessions> ParseAiSessions(ReadOnlySpan<byte> bytes, string displayPath) =>
        Parse(bytes, displayPath, SessionJson.ReadAiSessions);

    public static LoadResult<Worklog> ParseWorklog(ReadOnlySpan<byte> bytes, string displayPath) =>
        Parse(bytes, displayPath, SessionJson.ReadWorklog);

    public static LoadResult<CurrentSession> ParseCurrentSession(ReadOnlySpan<byte> bytes, string displayPath) =>
        Parse(bytes, displayPath, SessionJson.ReadCurrentSession);

    public static LoadResult<SessionConfig> ParseConfig(ReadOnlySpan<byte> bytes, string displayPath) =>
        Parse(bytes, displayPath, SessionJson.ReadConfig);

    private static LoadResult<T> Parse<T>(ReadOnlySpan<byte> bytes, string displayPath, Func<string, T> read)
        where T : class
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Failed<T>(DiagnosticCatalog.InvalidUtf8.ForFile(displayPath, "the file is not valid UTF-8"));
        }

        var markers = ConflictMarkers.Find(text);
        if (markers is { } line)
        {
            return Failed<T>(DiagnosticCatalog.ConflictMarkers.At(displayPath, line, 1, "merge conflict marker"));
        }

        try
        {
            return new LoadResult<T>(read(text), []);
        }
        catch (JsonException exception)
        {
            var lineNumber = (int)(exception.LineNumber ?? 0) + 1;
            var column = (int)(exception.BytePositionInLine ?? 0) + 1;
            return Failed<T>(DiagnosticCatalog.InvalidJson.At(displayPath, lineNumber, column, FirstSentence(exception.Message)));
        }
    }

    private static LoadResult<T> Failed<T>(Diagnostic diagnostic)
        where T : class => new(null, [diagnostic]);

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }
}
