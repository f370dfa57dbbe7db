using SessionHooks.Records;
using SessionHooks.Diagnostics;
using SessionHooks.Safety;

namespace SessionHooks.Validation;

/// <summary>
/// Blobs whose schema check found nothing at all, by git blob id, in
/// <c>&lt;git common dir&gt;/sessionhooks/validated-blobs</c>: a blob never changes, so pushing the
/// same files again (another remote, a retried push) neither re-validates them nor loads the
/// schema library. The first line names the build that validated them; another build starts over.
/// Losing or tearing the file only costs a re-validation, so it is written without locks.
/// </summary>
internal sealed class ValidationCache
{
    private const long MaxBytes = 256 * 1024;

    private static readonly string Build = typeof(ValidationCache).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    private readonly OwnedPath path;
    private readonly HashSet<string> valid;

    private ValidationCache(OwnedPath path, HashSet<string> valid)
    {
        this.path = path;
        this.valid = valid;
    }

    public static ValidationCache Open(string commonGitDir)
    {
        var path = OwnedPath.InGitDir(commonGitDir, Path.GetRelativePath(commonGitDir, StatePaths.Of(commonGitDir).ValidatedBlobs));
        var valid = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            if (new FileInfo(path.Verify()) is { Exists: true, Length: <= MaxBytes } && path.ReadAllText() is { } text)
            {
                var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                if (lines.Length > 0 && lines[0] == Build)
                {
                    valid.UnionWith(lines.Skip(1));
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or SessionHooksException)
        {
            // Unreadable: everything is validated again.
        }

        return new ValidationCache(path, valid);
    }

    public bool IsValid(SessionFileKind kind, string? blobId) => blobId is not null && valid.Contains(Key(kind, blobId));

    public void AddValid(SessionFileKind kind, string? blobId)
    {
        if (blobId is null || !valid.Add(Key(kind, blobId)))
        {
            return;
        }

        try
        {
            var info = new FileInfo(path.Verify());
            if (!info.Exists || info.Length > MaxBytes || valid.Count == 1)
            {
                // A new build or a full file: start over with this blob.
                path.WriteAtomic(Build + "\n" + Key(kind, blobId) + "\n");
            }
            else
            {
                File.AppendAllText(path.Verify(), Key(kind, blobId) + "\n");
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or SessionHooksException)
        {
            // Not remembered: the blob is validated again next time.
        }
    }

    private static string Key(SessionFileKind kind, string blobId) => $"{kind.FileName()} {blobId}";
}
