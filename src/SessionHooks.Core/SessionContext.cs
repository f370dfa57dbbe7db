using SessionHooks.Records;
using SessionHooks.Git;
using SessionHooks.Logging;
using SessionHooks.Store;
using Serilog;

namespace SessionHooks;

/// <summary>What one hook or command run works with: the repository, its session files, the rules, the clock, the log.</summary>
internal sealed class SessionContext : IDisposable
{
    private SessionConfig? config;

    private SessionContext(GitRepository git, string worktreeRoot, TimeProvider clock, ILogger log)
    {
        Git = git;
        WorktreeRoot = worktreeRoot;
        Clock = clock;
        Log = log;
        State = new StatePaths(git.GitDir, git.CommonDir);
        Store = new SessionStore(worktreeRoot, State);
        CommitInProgress = new CommitInProgress(State);
    }

    public GitRepository Git { get; }

    public string WorktreeRoot { get; }

    public SessionStore Store { get; }

    public TimeProvider Clock { get; }

    public ILogger Log { get; }

    /// <summary>Where SessionHooks keeps its state under the git dir.</summary>
    public StatePaths State { get; }

    /// <summary>The records a commit of this worktree is recording, between pre-commit and post-commit.</summary>
    public CommitInProgress CommitInProgress { get; }

    /// <summary>config.json, or the defaults when it is missing or unreadable (its problems are reported by validation).</summary>
    public SessionConfig Config => config ??= Store.ReadConfig().Value ?? new SessionConfig();

    /// <summary>Now, to the clock's precision: what a worklog entry's id is made from (see <see cref="Ids.EntryId"/>).</summary>
    public DateTimeOffset Instant => Clock.GetUtcNow();

    /// <summary>Now, in whole seconds, as the records store it.</summary>
    public DateTimeOffset Now => UtcTimestampConverter.WholeSecond(Instant);

    /// <summary>Opens the repository that holds <paramref name="directory"/>; throws <see cref="Diagnostics.SessionHooksException"/> when there is none.</summary>
    public static SessionContext Open(string directory, string component, TimeProvider? clock = null)
    {
        var git = GitRepository.Open(directory);
        try
        {
            var root = git.WorktreeRoot ?? throw new Diagnostics.SessionHooksException(
                Diagnostics.DiagnosticCatalog.NotARepository.ForFile(directory, "a bare repository has no working tree for session files"));
            var context = new SessionContext(git, root, clock ?? TimeProvider.System, HookLog.Create(git.CommonDir, component));
            if (context.Log.IsEnabled(Serilog.Events.LogEventLevel.Debug))
            {
                context.Log.Debug(
                    "{Component} runs {Runtime} with LibGit2Sharp {LibGit2} loaded from {Library}",
                    component,
                    System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported ? "JIT-compiled" : "NativeAOT",
                    LibGit2Library.Version,
                    LibGit2Library.LoadedFrom());
            }

            return context;
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
