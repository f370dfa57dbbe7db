using SessionHooks.Diagnostics;

namespace SessionHooks.Git;

public sealed partial class GitRepository
{
    /// <summary>
    /// Runs git on this repository, worktree and index, as libgit2 would open them. The hook's own
    /// <c>GIT_*</c> variables are kept when this is the hook's repository (they may carry
    /// <c>git -c</c> settings); otherwise they are dropped, since they belong to another one.
    /// </summary>
    private GitCliResult RunGit(IReadOnlyList<string> arguments, string? indexFile = null, IReadOnlyDictionary<string, string?>? extra = null) =>
        GitCli.Run(WorktreeRoot ?? GitDir, arguments, otherRepository: !environment.IsInherited, variables: Variables(indexFile, extra));

    /// <summary>git's object reader for this repository and index, started on first use.</summary>
    private ObjectReader Objects => reader ??= ObjectReader.Start(
        GitCli.StartInfo(WorktreeRoot ?? GitDir, ["cat-file", "--batch-command"], otherRepository: !environment.IsInherited, Variables(null, null)),
        GitDir);

    private Dictionary<string, string?> Variables(string? indexFile, IReadOnlyDictionary<string, string?>? extra)
    {
        var variables = new Dictionary<string, string?>
        {
            ["GIT_DIR"] = GitDir,
            ["GIT_INDEX_FILE"] = indexFile ?? IndexFile,

            // Untranslated messages: a failure is told apart by what git says ("bad object").
            ["LC_ALL"] = "C",
        };
        if (WorktreeRoot is { } root)
        {
            variables["GIT_WORK_TREE"] = root;
        }

        foreach (var (name, value) in extra ?? new Dictionary<string, string?>())
        {
            variables[name] = value;
        }

        return variables;
    }

    private static SessionHooksException CommandFailed(GitCliResult result, string command, string file) =>
        new(DiagnosticCatalog.InternalError.ForFile(file, $"git {command} failed: {result.FirstErrorLine}"));
}
