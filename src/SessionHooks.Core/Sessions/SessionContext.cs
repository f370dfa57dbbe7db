using SessionHooks.Formats;
using SessionHooks.Git;
using SessionHooks.Logging;
using SessionHooks.Model;
using SessionHooks.Storage;
using Serilog;

namespace SessionHooks.Sessions;

/// <summary>What one hook or command run works with: the repository, its session files, the rules, the clock, the log.</summary>
public sealed class SessionContext : IDisposable
{
    private SessionConfig? config;

    private SessionContext(GitRepository git, string worktreeRoot, TimeProvider clock, ILogger log)
    {
        Git = git;
        WorktreeRoot = worktreeRoot;
        Clock = clock;
        Log = log;
        Store = new SessionStore(worktreeRoot, Safety.OwnedPath.InGitDir(git.GitDir, "sessionhooks/locks").Verify());
        Pending = new PendingSessions(git.GitDir);
    }

    public GitRepository Git { get; }

    public string WorktreeRoot { get; }

    public SessionStore Store { get; }

    public TimeProvider Clock { get; }

    public ILogger Log { get; }

    internal PendingSessions Pending { get; }

    /// <summary>config.json, or the defaults when it is missing or unreadable (its problems are reported by validation).</summary>
    public SessionConfig Config => config ??= Store.ReadConfig().Value ?? new SessionConfig();

    public DateTimeOffset Now => UtcTimestampConverter.Now(Clock);

    /// <summary>Opens the repository that holds <paramref name="directory"/>; throws <see cref="Diagnostics.SessionHooksException"/> when there is none.</summary>
    public static SessionContext Open(string directory, string component, TimeProvider? clock = null)
    {
        var git = GitRepository.Open(directory);
        try
        {
            var root = git.WorktreeRoot ?? throw new Diagnostics.SessionHooksException(
                Diagnostics.DiagnosticCatalog.NotARepository.ForFile(directory, "a bare repository has no working tree for session files"));
            return new SessionContext(git, root, clock ?? TimeProvider.System, HookLog.CreateInBackground(git.CommonDir, component));
        }
        catch
        {
            git.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Git.Dispose();
        (Log as IDisposable)?.Dispose();
    }
}
