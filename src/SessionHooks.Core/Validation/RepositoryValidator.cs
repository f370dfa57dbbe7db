using SessionHooks.Diagnostics;
using SessionHooks.Records;
using SessionHooks.Safety;

namespace SessionHooks.Validation;

/// <summary>How <see cref="RepositoryValidator"/> reads and reports.</summary>
internal sealed record RepositoryValidationOptions
{
    /// <summary>Absolute paths in diagnostics (for MSBuild and IDEs); otherwise relative to <see cref="BaseDirectory"/>.</summary>
    public bool AbsolutePaths { get; init; }

    /// <summary>What relative paths are relative to; the current directory when null.</summary>
    public string? BaseDirectory { get; init; }

    public long MaxFileBytes { get; init; } = SessionFileParser.DefaultMaxBytes;

    public CrossFileRuleOptions CrossFile { get; init; } = new();
}

/// <summary>
/// Validates the session files of a worktree as they are on disk: each against its schema, then
/// the rules across files. Missing files are not errors (config.json is optional; a repository
/// without sessions has none). Never throws: what cannot be read becomes a diagnostic.
/// </summary>
internal static class RepositoryValidator
{
    public static IReadOnlyList<Diagnostic> Validate(string worktreeRoot, RepositoryValidationOptions? options = null)
    {
        options ??= new RepositoryValidationOptions();
        var diagnostics = new List<Diagnostic>();
        try
        {
            var sessions = Read(SessionFileKind.AiSessions, RecordPaths.Registry, SessionFileParser.ParseAiSessions, worktreeRoot, options, diagnostics);
            var worklogs = WorklogPaths(worktreeRoot)
                .Select(path => Read(SessionFileKind.Worklog, path, SessionFileParser.ParseWorklog, worktreeRoot, options, diagnostics))
                .OfType<SessionDocument<Worklog>>()
                .ToList();
            var current = Read(SessionFileKind.CurrentSession, RecordPaths.CurrentSession, SessionFileParser.ParseCurrentSession, worktreeRoot, options, diagnostics);
            Read(SessionFileKind.Config, RecordPaths.Config, SessionFileParser.ParseConfig, worktreeRoot, options, diagnostics);
            var archive = Read(SessionFileKind.AiSessions, RecordPaths.ArchiveRegistry, SessionFileParser.ParseAiSessions, worktreeRoot, options, diagnostics);
            diagnostics.AddRange(CrossFileRules.Check(new SessionFileSet(sessions, worklogs, current) { Archive = archive }, options.CrossFile));
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            diagnostics.Add(DiagnosticCatalog.InternalError.ForFile(worktreeRoot, $"validation stopped: {exception.Message}"));
        }

        return diagnostics;
    }

    private delegate LoadResult<T> Parser<T>(ReadOnlySpan<byte> bytes, string displayPath, long maxBytes)
        where T : class;

    /// <summary>Format 1's worklog.json, then every session's worklog files, live and archived, as repository paths.</summary>
    private static IEnumerable<string> WorklogPaths(string root)
    {
        yield return RecordPaths.LegacyWorklog;
        foreach (var repoFolder in new[] { RecordPaths.WorklogFolder, RecordPaths.ArchiveFolder })
        {
            var folder = Path.Combine(root, repoFolder);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var session in Directory.EnumerateDirectories(folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal))
            {
                foreach (var file in Directory.EnumerateFiles(Path.Combine(folder, session), "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal))
                {
                    yield return repoFolder + "/" + session + "/" + file;
                }
            }
        }
    }

    private static SessionDocument<T>? Read<T>(SessionFileKind kind, string repoPath, Parser<T> parse, string root, RepositoryValidationOptions options, List<Diagnostic> diagnostics)
        where T : SessionFile
    {
        var owned = OwnedPath.InWorktree(root, repoPath);
        var path = owned.FullPath;
        var display = options.AbsolutePaths ? path : Path.GetRelativePath(options.BaseDirectory ?? Environment.CurrentDirectory, path);
        byte[]? bytes;
        try
        {
            owned.Verify();
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return null;
            }

            if (info.Length > options.MaxFileBytes)
            {
                diagnostics.Add(DiagnosticCatalog.FileTooLarge.ForFile(display,
                    $"the file is {info.Length} bytes; SessionHooks reads session files of at most {options.MaxFileBytes} bytes"));
                return null;
            }

            bytes = owned.ReadAllBytes();
            if (bytes is null)
            {
                return null;
            }
        }
        catch (SessionHooksException refused)
        {
            diagnostics.Add(refused.Diagnostic with { File = display });
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(DiagnosticCatalog.FileUnreadable.ForFile(display, exception.Message));
            return null;
        }

        var found = SchemaValidator.Shared.Validate(kind, bytes, display, options.MaxFileBytes);
        diagnostics.AddRange(found);
        var loaded = parse(bytes, display, options.MaxFileBytes);
        if (loaded.Value is null)
        {
            // The schema check says why in its own words; only a file it passed (one migrated from an
            // older format is checked by its read alone) needs the read's diagnostic.
            if (!found.Any(d => d.Severity == Severity.Error))
            {
                diagnostics.AddRange(loaded.Diagnostics.Where(d => !found.Contains(d)));
            }
            return null;
        }

        return new SessionDocument<T>(loaded.Value, bytes, display);
    }
}
