using System.Text.Json;
using System.Text.Json.Serialization;
using SessionHooks.Diagnostics;
using SessionHooks.Records;

namespace SessionHooks.Records;

/// <summary>
/// Says which value could not be read into the model, where it starts, and what was expected,
/// in the file's terms rather than .NET's.
/// </summary>
internal static class TypedReadFailure
{
    private const string ConvertPrefix = "The JSON value could not be converted to ";

    public static Diagnostic Describe(JsonException exception, ReadOnlySpan<byte> json, FileCheck check, string displayPath)
    {
        var path = exception.Path ?? "$";
        var spots = check.Migrated is null ? JsonLocator.Locate(json, [path], JsonPathStyle.SystemTextJson) : [];
        var lines = check.Lines ?? LineIndex.Build(json);
        var (line, column) = spots.TryGetValue(path, out var spot)
            ? lines.At(json, spot.Offset)
            : check.Migrated is null ? lines.AtLineByte(json, exception.LineNumber ?? 0, exception.BytePositionInLine ?? 0) : (1, 1);
        var where = path == "$" ? "the file" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path[1..];
        var found = spot.Token == JsonTokenType.None ? "" : $" (found {SessionFileChecks.Describe(spot.Token)})";
        return DiagnosticCatalog.WrongType.At(displayPath, line, column, $"{where}: {Expected(exception.Message)}{found}");
    }

    private static string Expected(string message)
    {
        if (!message.StartsWith(ConvertPrefix, StringComparison.Ordinal))
        {
            // A converter's own message (e.g. a malformed timestamp) already says what was expected.
            var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
        }

        var typeName = message[ConvertPrefix.Length..].Split(". Path", 2)[0].TrimEnd('.');
        return "expected " + Friendly(typeName);
    }

    private static string Friendly(string typeName)
    {
        return typeName switch
        {
            "System.String" => "a string",
            "System.Boolean" or "System.Nullable`1[System.Boolean]" => "true or false",
            "System.Int32" or "System.Int64" or "System.Double" => "a number",
            "System.DateTimeOffset" => "a date and time such as 2026-11-21T19:52:03Z",
            _ when typeName.StartsWith("System.Collections.Generic.List", StringComparison.Ordinal) => "an array",
            _ => "an object",
        };
    }
}
