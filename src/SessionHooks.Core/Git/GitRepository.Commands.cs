using SessionHooks.Diagnostics;

namespace SessionHooks.Git;

internal sealed partial class GitRepository
{
    /// <summary>
    /// Commits exactly <paramref name="repoPaths"/> as they are in the worktree, and nothing else the
    /// index holds, with no hooks (<c>git commit --only -- &lt;paths&gt;</c>, its hooks folder an empty
    /// one: <c>/dev/null</c> is not a folder on every system). The message is its paragraphs.
    /// Returns null when committed, else git's first error line.
    /// </summary>
    /// <remarks>
    /// The git command, not libgit2: a commit made for the user must honour what their git does on
    /// every commit and libgit2 does not — signing (<c>commit.gpgsign</c>), the committer identity
    /// from git's variables and config, the reflog message — exactly as <c>git commit</c> would.
    /// </remarks>
    public string? CommitPaths(IReadOnlyList<string> repoPaths, IReadOnlyList<string> paragraphs)
    {
        var noHooks = new StatePaths(GitDir, CommonDir).NoHooks;
        Directory.CreateDirectory(noHooks);
        List<string> arguments = ["-c", "core.hooksPath=" + noHooks, "commit", "--quiet", "--no-verify"];
        foreach (var paragraph in paragraphs)
        {
            arguments.AddRange(["-m", paragraph]);
        }

        var result = RunGit([.. arguments, "--only", "--", .. repoPaths], extra: LiteralPaths);
        return result.Succeeded ? null : result.FirstErrorLine;
    }

    /// <summary>
    /// Runs git on this repository, worktree and index, as libgit2 opened them. The hook's own
    /// <c>GIT_*</c> variables are kept when this is the hook's repository (they may carry
    /// <c>git -c</c> settings); otherwise they are dropped, since they belong to another one.
    /// </summary>
    private GitCliResult RunGit(IReadOnlyList<string> arguments, string? indexFile = null, IReadOnlyDictionary<string, string?>? extra = null, string? standardInput = null) =>
        GitCli.Run(WorktreeRoot ?? GitDir, arguments, otherRepository: !environment.IsInherited, standardInput: standardInput, variables: Variables(indexFile, extra));

    /// <summary>
    /// Paths given to git are names, not patterns: literal pathspecs, and the user's own pathspec
    /// variables dropped (<c>git --literal-pathspecs</c>, which Magit passes, reaches the hooks as
    /// <c>GIT_LITERAL_PATHSPECS</c>; glob or icase beside literal is an error).
    /// </summary>
    private static readonly Dictionary<string, string?> LiteralPaths = new()
    {
        ["GIT_LITERAL_PATHSPECS"] = "1",
        ["GIT_GLOB_PATHSPECS"] = null,
        ["GIT_NOGLOB_PATHSPECS"] = null,
        ["GIT_ICASE_PATHSPECS"] = null,
    };

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
