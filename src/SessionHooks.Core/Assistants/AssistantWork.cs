using System.Security.Cryptography;
using System.Text;
using SessionHooks.Safety;

namespace SessionHooks.Assistants;

/// <summary>
/// Where an assistant's session started (the commit checked out when it was first seen) and which
/// touched files were last recorded, kept per clone under the git dir: the hooks run as separate
/// processes, and a resumed session keeps its starting point.
/// </summary>
internal sealed class AssistantWork
{
    private readonly OwnedPath file;

    private AssistantWork(OwnedPath file, string? startCommit, string? recorded)
    {
        this.file = file;
        StartCommit = startCommit;
        Recorded = recorded;
    }

    /// <summary>The commit checked out when the assistant's session was first seen; null on an unborn branch.</summary>
    public string? StartCommit { get; }

    /// <summary>The touched files last recorded, one line each; null when nothing was yet.</summary>
    public string? Recorded { get; private set; }

    public bool IsNew { get; private init; }

    public static AssistantWork Of(SessionContext context, string assistant, string sessionId)
    {
        // The assistant's id is only hashed into a file name: it never names a path itself.
        var name = assistant + "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sessionId)))[..24];
        var file = context.State.Shared(Path.Combine(context.State.Root, "assistants", name));
        if (file.ReadAllText() is { } text)
        {
            var lines = text.Split('\n', 2);
            return new AssistantWork(file, lines[0].Length == 0 ? null : lines[0], lines.Length > 1 && lines[1].Length > 0 ? lines[1] : null);
        }

        return new AssistantWork(file, context.Git.Head.CommitId, null) { IsNew = true };
    }

    /// <summary>Remembers the starting point (and what was recorded) for the next hook.</summary>
    public void Save(string? recorded = null)
    {
        Recorded = recorded ?? Recorded;
        file.WriteAtomic((StartCommit ?? "") + "\n" + (Recorded ?? ""));
    }
}
