using System.Globalization;
using System.Text;
using System.Text.Json;
using SessionHooks.Diagnostics;
using SessionHooks.Records;

namespace SessionHooks.Store;

/// <summary>
/// The pending area under the common git dir: one file per session with what was logged or
/// changed there since its last commit, and one for the repository-wide lists. All worktrees of a
/// clone share it, so a session's next commit records it wherever it is made. Callers hold
/// <see cref="RecordLock.Pending"/>. A file that can't be read is never overwritten: it is set
/// aside, with what can't be recorded reported, so nothing logged is silently lost.
/// </summary>
internal sealed class PendingArea
{
    private const string RepositoryFile = "repository.json";
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly StatePaths state;
    private readonly string folder;

    internal PendingArea(StatePaths state)
    {
        this.state = state;
        folder = state.Pending;
    }

    /// <summary>Problems met while reading, each one line for the user.</summary>
    public List<Diagnostic> Problems { get; } = [];

    public IReadOnlyList<PendingSession> ReadAll()
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var result = new List<PendingSession>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (name != Path.GetFileNameWithoutExtension(RepositoryFile) && RecordPaths.IsSafeName(name) && ReadFile(path) is { } pending)
            {
                result.Add(pending);
            }
        }

        return result;
    }

    public PendingSession? Read(string sessionId) =>
        RecordPaths.IsSafeName(sessionId) ? ReadFile(Path.Combine(folder, sessionId + ".json")) : null;

    /// <summary>Writes the session's pending records; an empty one removes its file.</summary>
    public void Write(PendingSession pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var path = Path.Combine(folder, Checked(pending.SessionId) + ".json");
        if (pending.IsEmpty)
        {
            Delete(path);
            return;
        }

        AtomicFile.Replace(state.Shared(path), Utf8.GetBytes(StoreJson.Serialize(pending)));
    }

    public PendingRepository? ReadRepository()
    {
        var path = Path.Combine(folder, RepositoryFile);
        return File.Exists(path) ? Parse(path, StoreJson.ReadPendingRepository) : null;
    }

    public void WriteRepository(PendingRepository? pending)
    {
        var path = Path.Combine(folder, RepositoryFile);
        if (pending is null || pending.IsEmpty)
        {
            Delete(path);
            return;
        }

        AtomicFile.Replace(state.Shared(path), Utf8.GetBytes(StoreJson.Serialize(pending)));
    }

    private PendingSession? ReadFile(string path) => File.Exists(path) ? Parse(path, StoreJson.ReadPendingSession) : null;

    private T? Parse<T>(string path, Func<string, T> parse)
        where T : class
    {
        try
        {
            return state.Shared(path).ReadAllText() is { } text ? parse(text) : null;
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            var aside = path + ".bad-" + DateTime.UtcNow.ToString("yyyyMMddTHHmmss", CultureInfo.InvariantCulture);
            TryMove(path, aside);
            Problems.Add(DiagnosticCatalog.FileUnreadable.ForFile(path,
                $"pending records could not be read ({exception.Message}); set aside as {Path.GetFileName(aside)}",
                "look into the set-aside file and log again what it held"));
            return null;
        }
    }

    private static string Checked(string sessionId) =>
        RecordPaths.IsSafeName(sessionId) ? sessionId : throw new SessionHooksException(
            DiagnosticCatalog.InvalidArgument.ForFile(sessionId, $"'{sessionId}' is not a session id"));

    private void Delete(string path) => state.Shared(path).Delete();

    private static void TryMove(string from, string to)
    {
        try
        {
            File.Move(from, to, overwrite: false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Left where it is: the next read reports it again.
        }
    }
}
