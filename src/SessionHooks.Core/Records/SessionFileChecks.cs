using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using SessionHooks.Diagnostics;
using SessionHooks.Records;

namespace SessionHooks.Records;

/// <summary>What the checks before the typed read found: the problems, and how to read the rest.</summary>
internal sealed class FileCheck
{
    public List<Diagnostic> Diagnostics { get; } = [];

    /// <summary>False when an error stops the file being read at all.</summary>
    public bool Readable { get; set; }

    /// <summary>Bytes skipped at the start (a byte order mark); offsets count from after them.</summary>
    public int Skip { get; set; }

    /// <summary>The file's format version, after any migration (which <see cref="Migrated"/> then holds).</summary>
    public int Version { get; set; }

    public JsonObject? Migrated { get; set; }

    /// <summary>The version the file was written in, when it was migrated.</summary>
    public int? MigratedFrom { get; set; }

    public LineIndex? Lines { get; set; }
}

/// <summary>
/// The checks every session file passes before its content is read: size, encoding, conflict
/// markers, JSON syntax and nesting, and <c>schema_version</c>. Each failure is one diagnostic at
/// the place it was found; the first error stops the checks.
/// </summary>
internal static class SessionFileChecks
{
    private static readonly SearchValues<byte> MarkerStarts = SearchValues.Create("<=>|"u8);

    public static FileCheck Run(SessionFileKind kind, ReadOnlySpan<byte> bytes, string displayPath, long maxBytes)
    {
        var check = new FileCheck();
        if (bytes.Length > maxBytes)
        {
            return Stop(check, DiagnosticCatalog.FileTooLarge.ForFile(displayPath,
                $"the file is {Megabytes(bytes.Length)}; SessionHooks reads session files of at most {Megabytes(maxBytes)}"));
        }

        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            check.Skip = Encoding.UTF8.Preamble.Length;
            check.Diagnostics.Add(DiagnosticCatalog.ByteOrderMark.At(displayPath, 1, 1, "the file starts with a UTF-8 byte order mark"));
        }

        var json = bytes[check.Skip..];
        if (json.Trim(" \t\r\n"u8).IsEmpty)
        {
            return Stop(check, DiagnosticCatalog.EmptyFile.At(displayPath, 1, 1, json.IsEmpty ? "the file is empty" : "the file holds only white space"));
        }

        var lines = LineIndex.Build(json);
        check.Lines = lines;
        if (!Utf8.IsValid(json))
        {
            var offset = InvalidUtf8Offset(json);
            var (line, column) = lines.At(json, offset);
            return Stop(check, DiagnosticCatalog.InvalidUtf8.At(displayPath, line, column,
                $"byte 0x{json[offset]:x2} at offset {offset + check.Skip} is not valid UTF-8"));
        }

        // Conflict markers are ASCII: only a file holding one of their characters needs the line-by-line look.
        if (json.IndexOfAny(MarkerStarts) >= 0 && ConflictMarkers.Find(Encoding.UTF8.GetString(json)) is { } markerLine)
        {
            return Stop(check, DiagnosticCatalog.ConflictMarkers.At(displayPath, markerLine, 1, "the file holds a merge conflict marker"));
        }

        var scan = JsonSyntaxScan.Run(json, () => lines);
        if (scan.SyntaxError is { } syntax)
        {
            var (line, column) = lines.At(json, syntax.Offset);
            var message = syntax.AtEnd ? "the file ends before its JSON does (is it truncated?)" : syntax.Message;
            return Stop(check, DiagnosticCatalog.InvalidJson.At(displayPath, line, column, message));
        }

        if (scan.TooDeepOffset is { } deep)
        {
            var (line, column) = lines.At(json, deep);
            return Stop(check, DiagnosticCatalog.NestingTooDeep.At(displayPath, line, column,
                $"objects and arrays nest deeper than {JsonSyntaxScan.MaxDepth} levels here"));
        }

        return CheckVersion(check, kind, json, scan, displayPath);
    }

    private static FileCheck CheckVersion(FileCheck check, SessionFileKind kind, ReadOnlySpan<byte> json, JsonSyntaxScan scan, string displayPath)
    {
        var lines = check.Lines!;
        if (scan.RootToken != JsonTokenType.StartObject)
        {
            var (line, column) = lines.At(json, scan.RootOffset);
            return Stop(check, DiagnosticCatalog.WrongType.At(displayPath, line, column,
                $"the file holds {Describe(scan.RootToken)} where a JSON object is expected"));
        }

        if (scan.VersionToken == JsonTokenType.None)
        {
            var root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = JsonSyntaxScan.MaxDepth }) as JsonObject;
            if (root is null || !FormatMigration.LooksLegacy(kind, root))
            {
                var (line, column) = lines.At(json, scan.RootOffset);
                return Stop(check, DiagnosticCatalog.InvalidSchemaVersion.At(displayPath, line, column, "the file has no schema_version"));
            }

            return Migrate(check, kind, root, FormatMigration.Legacy);
        }

        var (versionLine, versionColumn) = lines.At(json, scan.VersionOffset);
        if (scan.Version is not { } version || version < 0)
        {
            return Stop(check, DiagnosticCatalog.InvalidSchemaVersion.At(displayPath, versionLine, versionColumn,
                $"schema_version is {scan.VersionText ?? Describe(scan.VersionToken)}, not a format version (a whole number such as {FormatVersion.Current})"));
        }

        if (version > FormatVersion.Current)
        {
            return Stop(check, DiagnosticCatalog.UnknownSchemaVersion.At(displayPath, versionLine, versionColumn,
                $"schema_version {version} is newer than this SessionHooks reads (up to {FormatVersion.Current}); the file is left as it is"));
        }

        if (version < FormatVersion.SameShapeSince)
        {
            var root = (JsonObject)JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = JsonSyntaxScan.MaxDepth })!;
            return Migrate(check, kind, root, version);
        }

        check.Version = version;
        check.Readable = true;
        return check;
    }

    private static FileCheck Migrate(FileCheck check, SessionFileKind kind, JsonObject root, int version)
    {
        FormatMigration.Migrate(kind, root, version);
        check.Migrated = root;
        check.MigratedFrom = version;
        check.Version = FormatVersion.Current;
        check.Readable = true;
        return check;
    }

    private static FileCheck Stop(FileCheck check, Diagnostic diagnostic)
    {
        check.Diagnostics.Add(diagnostic);
        check.Readable = false;
        return check;
    }

    private static int InvalidUtf8Offset(ReadOnlySpan<byte> json)
    {
        var chars = ArrayPool<char>.Shared.Rent(json.Length);
        try
        {
            Utf8.ToUtf16(json, chars, out var read, out _, replaceInvalidSequences: false);
            return Math.Min(read, json.Length - 1);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    internal static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "no value",
    };

    private static string Megabytes(long bytes) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MB");
}
