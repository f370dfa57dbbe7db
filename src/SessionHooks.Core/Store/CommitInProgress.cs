using System.Text.Json;
using System.Text.Json.Serialization;
using SessionHooks.Records;

namespace SessionHooks.Store;

/// <summary>
/// What a commit in progress records (docs/records.md): written by pre-commit, which stages the
/// files; read by prepare-commit-msg, which puts the index and the working tree back once git has
/// built the tree; finished by post-commit, which writes and stages them again. If git stops the
/// commit, nothing staged remains and the pending area still holds everything.
/// </summary>
internal sealed class CommitRecording
{
    /// <summary>HEAD when pre-commit ran; null on an unborn branch.</summary>
    [JsonPropertyName("head")]
    public string? Head { get; set; }

    /// <summary>True once prepare-commit-msg put the index and the working tree back.</summary>
    [JsonPropertyName("restored")]
    public bool Restored { get; set; }

    [JsonPropertyName("files")]
    public List<RecordedFile> Files { get; set; } = [];

    [JsonPropertyName("sessions")]
    public List<RecordedSession> Sessions { get; set; } = [];

    /// <summary>The repository-wide lists the commit records, when it records them.</summary>
    [JsonPropertyName("repository")]
    public PendingRepository? Repository { get; set; }
}

/// <summary>A file the commit writes: where, and what the index and the working tree held before.</summary>
internal sealed class RecordedFile
{
    [JsonPropertyName("path")]
    public string Path { get; set; } = "";

    /// <summary>The index's blob before the commit staged the file; null when the index had none.</summary>
    [JsonPropertyName("blob_before")]
    public string? BlobBefore { get; set; }

    /// <summary>True when the working tree had a file there before.</summary>
    [JsonPropertyName("existed_before")]
    public bool ExistedBefore { get; set; }
}

/// <summary>What the commit takes out of one session's pending records once it is made.</summary>
internal sealed class RecordedSession
{
    [JsonPropertyName("session")]
    public string SessionId { get; set; } = "";

    [JsonPropertyName("entries")]
    public List<string> Entries { get; set; } = [];

    /// <summary>The session change recorded, as it was written; null when only entries were.</summary>
    [JsonPropertyName("changed")]
    public Session? Changed { get; set; }
}

/// <summary>
/// The folder under this worktree's git dir holding the commit in progress: <c>recording.json</c>,
/// and each file's content before and after (<c>before-N</c>, <c>after-N</c>).
/// </summary>
internal sealed class CommitInProgress(StatePaths state)
{
    private const string RecordingFile = "recording.json";
    private readonly string folder = state.CommitInProgress;

    private Safety.OwnedPath File(string name) => state.OfWorktree(Path.Combine(folder, name));

    public bool Exists => File(RecordingFile).Exists();

    /// <summary>The commit in progress; null when there is none or its record can't be read (it is then dropped).</summary>
    public CommitRecording? Read()
    {
        try
        {
            return File(RecordingFile).ReadAllText() is { } text ? StoreJson.ReadCommitRecording(text) : null;
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException)
        {
            End();
            return null;
        }
    }

    /// <summary>Starts a record: every file's content before and after, then the record itself, last, so a half-written one is never read.</summary>
    /// <remarks>A null <c>After</c> is a file the commit removes.</remarks>
    public void Begin(CommitRecording recording, IReadOnlyList<(byte[]? Before, byte[]? After)> contents)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(contents);
        End();
        state.OfWorktree(folder).CreateDirectory();
        for (var i = 0; i < contents.Count; i++)
        {
            if (contents[i].Before is { } before)
            {
                AtomicFile.Replace(File($"before-{i}"), before);
            }

            if (contents[i].After is { } after)
            {
                AtomicFile.Replace(File($"after-{i}"), after);
            }
        }

        Save(recording);
    }

    public void Save(CommitRecording recording) =>
        AtomicFile.Replace(File(RecordingFile), System.Text.Encoding.UTF8.GetBytes(StoreJson.Serialize(recording)));

    public byte[]? Before(int index) => ReadContent($"before-{index}");

    public byte[]? After(int index) => ReadContent($"after-{index}");

    public void End()
    {
        if (Directory.Exists(state.OfWorktree(folder).Verify()))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private byte[]? ReadContent(string name) => File(name).ReadAllBytes();
}
