using System.Text.RegularExpressions;
using NUnit.Framework;

namespace SessionHooks.Testing;

/// <summary>
/// A repository that uses SessionHooks, into which an attacker commits something hostile, and its
/// victims: <see cref="Installed"/>, a clone that had SessionHooks installed and then pulled the
/// hostile commit (so the hooks run on it), and <see cref="Fresh"/>, a new clone of the hostile
/// commit. Every command run on them is kept, for <see cref="AssertSafe"/>.
/// </summary>
public sealed partial class HostileClone
{
    private readonly List<ProcessResult> runs = [];

    private HostileClone(TempRepository attacker, Canary canary, TempRepository installed, TempRepository fresh, string remote)
    {
        Attacker = attacker;
        Canary = canary;
        Installed = installed;
        Fresh = fresh;
        Remote = remote;
    }

    public TempRepository Attacker { get; }

    public Canary Canary { get; }

    /// <summary>Installed before the hostile commit arrived by a pull: its hooks run on it.</summary>
    public TempRepository Installed { get; }

    /// <summary>Cloned at the hostile commit, nothing installed yet.</summary>
    public TempRepository Fresh { get; }

    /// <summary>The bare repository both victims push to.</summary>
    public string Remote { get; }

    public IReadOnlyList<ProcessResult> Runs => runs;

    /// <param name="plant">Writes the attack into the attacker's worktree (it is committed with everything else).</param>
    /// <param name="victimConfig">Runs before the victims clone, with their git (e.g. a global core.hooksPath).</param>
    public static HostileClone Create(Action<TempRepository, Canary> plant, Action<TempRepository, Canary>? victimConfig = null)
    {
        var attacker = TempRepository.Create("attacker");
        var directory = Path.GetDirectoryName(attacker.Root)!;
        var canary = Canary.Create(directory);
        attacker.Commit("README.md", "# a project that uses SessionHooks\n", "initial commit");
        GitRunner.Check(InstalledRepository.Session(attacker, attacker.Root, "install", "--hooks-dir", InstalledRepository.HooksFolder));
        attacker.Run("add", "-A");
        attacker.Run("commit", "-q", "-m", "Install SessionHooks");
        attacker.Run("config", "--local", "--unset", "core.hooksPath");

        plant(attacker, canary);
        attacker.Run("add", "-A");
        attacker.Run("commit", "-q", "--no-verify", "--allow-empty", "-m", "hostile change");

        var remote = Path.Combine(directory, "remote.git");
        attacker.Git.Run(directory, "clone", "-q", "--bare", attacker.Root, remote);
        victimConfig?.Invoke(attacker, canary);

        var installed = attacker.Sibling(Path.Combine(directory, "installed"));
        attacker.Git.Run(directory, "clone", "-q", remote, installed.Root);
        installed.Run("reset", "-q", "--hard", "HEAD~1");
        var clone = new HostileClone(attacker, canary, installed, attacker.Sibling(Path.Combine(directory, "fresh")), remote);
        clone.Session(installed, "install", "--hooks-dir", InstalledRepository.HooksFolder);
        clone.Git(installed, "pull", "-q", "--ff-only");
        clone.Git(clone.Fresh, "clone", "-q", remote, clone.Fresh.Root);
        return clone;
    }

    public ProcessResult Session(TempRepository victim, params string[] arguments) =>
        Keep(InstalledRepository.Session(victim, Directory.Exists(victim.Root) ? victim.Root : Path.GetDirectoryName(victim.Root)!, arguments));

    public ProcessResult Git(TempRepository victim, params string[] arguments) =>
        Keep(victim.Git.Try(arguments[0] == "clone" ? Path.GetDirectoryName(victim.Root)! : victim.Root, arguments));

    /// <summary>
    /// Every command and hook a user runs in a working day: checkout, commit, log, note, start,
    /// context, journal, list, show, status, validate, recover, push, end; then install in the fresh clone.
    /// </summary>
    public void RunEverything()
    {
        var victim = Installed;
        Git(victim, "checkout", "-q", "-b", "feature/hostile");
        victim.Write("work.txt", "work\n");
        Git(victim, "add", "work.txt");
        Git(victim, "commit", "-q", "-m", "work on the clone");
        Session(victim, "log", "decision", "keep the importer streaming");
        Session(victim, "note", "add", "read the README first");
        Session(victim, "start", "--title", "second session");
        Session(victim, "context", "--include-files");
        Session(victim, "context", "--include-files", "--json");
        Session(victim, "journal");
        Session(victim, "list");
        Session(victim, "status");
        Session(victim, "validate");
        Session(victim, "recover");
        Git(victim, "push", "-u", "origin", "feature/hostile");
        Session(victim, "end", "--summary", "done for today");
        Session(Fresh, "install", "--hooks-dir", InstalledRepository.HooksFolder);
        Session(Fresh, "validate");
    }

    /// <summary>
    /// Nothing outside the repositories changed and no planted command ran; nothing from outside
    /// (nor <paramref name="alsoSecret"/>, which a victim's .git/config holds) was printed or written
    /// into a victim's files; every refusal is one located line; no stack trace.
    /// </summary>
    public void AssertSafe(params string[] alsoSecret)
    {
        Canary.AssertUntouched();
        string[] secrets = [Canary.Token, .. alsoSecret];
        var output = string.Join("\n", runs.Select(r => r.Output));
        Assert.Multiple(() =>
        {
            foreach (var secret in secrets)
            {
                Assert.That(output, Does.Not.Contain(secret), "printed by a command");
                foreach (var victim in new[] { Installed, Fresh })
                {
                    Assert.That(FilesHolding(victim.Root, secret), Is.Empty, "written into a victim's files");
                    if (Directory.Exists(Path.Combine(victim.Root, ".git")))
                    {
                        Assert.That(victim.Git.Try(victim.Root, "log", "--all", "-p").Output, Does.Not.Contain(secret), "committed");
                    }
                }
            }

            Assert.That(output, Does.Not.Contain("   at ").And.Not.Contain("Unhandled exception"), "no stack trace");
            foreach (var line in output.Split('\n').Where(l => DiagnosticCode().IsMatch(l)))
            {
                Assert.That(line, Does.Match(LocatedLine().ToString()), "a refusal is one located line");
            }
        });
    }

    /// <summary>The lines of every run holding <paramref name="code"/>, e.g. SH5007.</summary>
    public IReadOnlyList<string> Lines(string code) =>
        [.. runs.SelectMany(r => r.Output.Split('\n')).Where(l => l.Contains(" " + code + ":", StringComparison.Ordinal))];

    private ProcessResult Keep(ProcessResult result)
    {
        runs.Add(result);
        return result;
    }

    /// <summary>Files under <paramref name="root"/> (its git dir's state included, objects not; links not followed) holding <paramref name="text"/>.</summary>
    private static List<string> FilesHolding(string root, string text)
    {
        var found = new List<string>();
        var pending = new Stack<string>([root]);
        while (pending.Count > 0)
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(pending.Pop()))
            {
                var info = new FileInfo(entry);
                // git's objects are compressed (what is committed is read through git log), and
                // .git/config is where a remote's credentials legitimately are.
                if (info.LinkTarget is not null || Path.GetFileName(entry) == "objects" || Path.GetRelativePath(root, entry) == Path.Combine(".git", "config"))
                {
                    continue;
                }

                if (Directory.Exists(entry))
                {
                    pending.Push(entry);
                }
                else if (info.Length is > 0 and < 50_000_000 && File.ReadAllText(entry).Contains(text, StringComparison.Ordinal))
                {
                    found.Add(Path.GetRelativePath(root, entry));
                }
            }
        }

        return found;
    }

    [GeneratedRegex(@" (error|warning) SH\d{4}: ")]
    private static partial Regex DiagnosticCode();

    // file(line,col): error SHnnnn: message — optionally after the hook's name, on one line.
    [GeneratedRegex(@"^(SessionHooks [a-z-]+: (push refused: |warning: )?|session: warning: )?[^\s].*?(\(\d+,\d+\))?: (error|warning) SH\d{4}: \S.*$")]
    private static partial Regex LocatedLine();
}
