using SessionHooks.Diagnostics;
using SessionHooks.Records;
using SessionHooks.Safety;

namespace SessionHooks.Validation;

/// <summary>
/// What passed the schema check with nothing at all to report, in
/// <c>&lt;git common dir&gt;/sessionhooks/validated-blobs</c>: whole record files by git blob id, and
/// the sessions of <c>ai_sessions.json</c> by the SHA-256 of their bytes (<see cref="RegistryByParts"/>).
/// Neither ever changes, so pushing the same files again (another remote, a retried push) checks
/// nothing, and a push that changed one session of a thousand checks that one. The first line
/// names the build that checked them; another build starts over. Losing or tearing the file only
/// costs a re-check, so it is written without locks.
/// </summary>
internal sealed class ValidationCache
{
    /// <summary>The file's limit; past it the file starts over with what is in use.</summary>
    private const long MaxBytes = 1024 * 1024;

    /// <summary>
    /// The most parts of one file remembered: their keys (about 95 bytes each) must fit
    /// <see cref="MaxBytes"/> with room to spare, or every push would check them all again. A
    /// registry of more sessions is checked whole (<c>session archive</c> keeps it to the open ones).
    /// </summary>
    public const int MaxParts = 8_000;

    private static readonly string Build = typeof(ValidationCache).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    private readonly OwnedPath path;
    private readonly HashSet<string> valid;
    private bool fromThisBuild;

    private ValidationCache(OwnedPath path, HashSet<string> valid, bool fromThisBuild)
    {
        this.path = path;
        this.valid = valid;
        this.fromThisBuild = fromThisBuild;
    }

    public static ValidationCache Open(string commonGitDir)
    {
        var path = OwnedPath.InGitDir(commonGitDir, Path.GetRelativePath(commonGitDir, StatePaths.Of(commonGitDir).ValidatedBlobs));
        var valid = new HashSet<string>(StringComparer.Ordinal);
        var fromThisBuild = false;
        try
        {
            if (new FileInfo(path.Verify()) is { Exists: true, Length: <= MaxBytes } && path.ReadAllText() is { } text)
            {
                var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                fromThisBuild = lines.Length > 0 && lines[0] == Build;
                if (fromThisBuild)
                {
                    valid.UnionWith(lines.Skip(1));
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or SessionHooksException)
        {
            // Unreadable: everything is checked again.
        }

        return new ValidationCache(path, valid, fromThisBuild);
    }

    /// <summary>
    /// The schema check of a record file, remembered: nothing for a blob that passed before;
    /// <c>ai_sessions.json</c> session by session when that finds nothing to report; otherwise the
    /// whole file, with every diagnostic at its line.
    /// </summary>
    public IReadOnlyList<Diagnostic> Validate(SessionFileKind kind, string blobId, byte[] bytes, string displayPath)
    {
        var key = BlobKey(kind, blobId);
        if (valid.Contains(key))
        {
            return [];
        }

        if (kind == SessionFileKind.AiSessions && RegistryByParts.NothingToReport(bytes, this, displayPath))
        {
            Remember([key]);
            return [];
        }

        var found = SchemaValidator.Shared.Validate(kind, bytes, displayPath, SessionFileParser.DefaultMaxBytes);
        if (found.Count == 0)
        {
            Remember([key]);
        }

        return found;
    }

    public bool Contains(string key) => valid.Contains(key);

    /// <summary>The key of a part of a file (<paramref name="part"/> names which) that passed on its own, by the part's SHA-256.</summary>
    public static string PartKey(string part, ReadOnlySpan<byte> sha256) => $"{part} {Convert.ToHexStringLower(sha256)}";

    /// <summary>
    /// Adds <paramref name="fresh"/> keys. When the file would grow past its limit it starts over
    /// with <paramref name="inUse"/> (the keys the file just checked needs) and the fresh ones.
    /// </summary>
    public void Remember(IReadOnlyCollection<string> fresh, IEnumerable<string>? inUse = null)
    {
        var added = fresh.Where(valid.Add).ToList();
        if (added.Count == 0)
        {
            return;
        }

        try
        {
            var lines = string.Concat(added.Select(k => k + "\n"));
            var info = new FileInfo(path.Verify());
            if (!fromThisBuild || !info.Exists || info.Length + lines.Length > MaxBytes)
            {
                var kept = (inUse ?? []).Concat(added).Distinct(StringComparer.Ordinal);
                path.WriteAtomic(Build + "\n" + string.Concat(kept.Select(k => k + "\n")));
                fromThisBuild = true;
            }
            else
            {
                File.AppendAllText(path.Verify(), lines);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or SessionHooksException)
        {
            // Not remembered: checked again next time.
        }
    }

    private static string BlobKey(SessionFileKind kind, string blobId) => $"{kind.FileName()} {blobId}";
}
