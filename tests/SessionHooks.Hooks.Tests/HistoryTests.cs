using System.Text.Json.Nodes;
using SessionHooks.Testing;

namespace SessionHooks.Hooks.Tests;

/// <summary>
/// The record survives real git (docs/records.md): each scenario runs real git commands on a
/// repository with the hooks installed, then checks what must hold after any sequence of ordinary
/// operations — nothing logged is lost (by id and text), replaced commits link to their
/// successors, the tree is clean, the next push is accepted (or refused with a fix that
/// <c>session recover</c> carries out), <c>session validate</c> is clean, and <c>session summary</c>
/// counts the commits git has on the branch.
/// </summary>
public class HistoryTests
{
    private static readonly Dictionary<string, string?> NoEditor = new() { ["GIT_EDITOR"] = "true" };

    [Test]
    public void AbortedCommits_LeaveNoTrace_AndThePendingEntriesWaitForTheNextCommit()
    {
        var history = History.Start();
        var repo = history.Repo;
        history.Log("decision", "recorded once, by the commit that is made");
        repo.Repo.Write("a.txt", "a\n");
        repo.Run("add", "a.txt");
        var userLine = "grep -q '^WIP' \"$1\" && { echo 'no WIP commits' >&2; exit 1; }";
        var hook = File.ReadAllText(Path.Combine(repo.Root, ".husky/commit-msg"));
        File.WriteAllText(Path.Combine(repo.Root, ".husky/commit-msg"), hook.Replace("\n\n", "\n" + userLine + "\n\n", StringComparison.Ordinal));
        repo.Run("add", ".husky/commit-msg", "a.txt");
        var staged = repo.Run("diff", "--cached", "--name-only").Trim();

        (string What, ProcessResult Result)[] aborted =
        [
            ("an empty message", repo.Try("commit", "-q", "-m", "")),
            ("a commit-msg hook that refuses", repo.Try("commit", "-q", "-m", "WIP: not yet")),
            ("an editor closed without saving", repo.TryWith(NoEditor, "commit", "-q")),
            ("a signing failure", repo.Try("-c", "gpg.program=false", "commit", "-q", "-S", "-m", "signed")),
        ];

        foreach (var (what, result) in aborted)
        {
            Assert.That(result.ExitCode, Is.Not.Zero, $"{what}: git aborts\n{result}");
            Assert.That(repo.Run("diff", "--cached", "--name-only").Trim(), Is.EqualTo(staged), $"{what}: nothing staged beyond the user's own");
            Assert.That(repo.Run("status", "--porcelain", "--", ".sessions").Trim(), Is.Empty, $"{what}: no record file changed");
            Assert.That(repo.PendingEntries().Select(e => (string?)e["text"]), Is.EqualTo(new[] { "recorded once, by the commit that is made" }), what);
        }

        repo.Run("reset", "-q");
        repo.Run("stash", "-q");
        var nothing = repo.Try("commit", "-q", "-m", "nothing staged");
        Assert.That(nothing.ExitCode, Is.Not.Zero, "nothing to commit");
        Assert.That(repo.Run("status", "--porcelain", "--untracked-files=no").Trim(), Is.Empty, "nothing to commit: nothing staged");

        repo.Run("stash", "pop", "-q");
        repo.Run("add", "a.txt", ".husky/commit-msg");
        repo.Run("commit", "-q", "-m", "add a");
        Assert.That(repo.WorklogFilesAddedBy(), Has.Length.EqualTo(1));
        Assert.That(repo.WorklogEntries().Count(e => (string?)e["text"] == "recorded once, by the commit that is made"), Is.EqualTo(1));
        history.AssertHolds();
    }

    [Test]
    public void RecordFiles_AreCommittedAsWritten_WhateverTheUsersGitDoesWithPathsFiltersAndIndexFlags()
    {
        // What a user's git may bring: `git --literal-pathspecs` (Magit passes it to every command),
        // a clean filter for *.json (git-lfs does this), and flags on the registry's index entry.
        var history = History.Start();
        var repo = history.Repo;
        repo.Run("config", "filter.pointer.clean", "printf 'version https://git-lfs.github.com/spec/v1\\n'");
        repo.Run("config", "filter.pointer.smudge", "cat");
        repo.Repo.Write(".gitattributes", File.ReadAllText(Path.Combine(repo.Root, ".gitattributes")) + ".sessions/worklog/** filter=pointer\n");
        repo.Run("add", ".gitattributes");
        repo.Run("commit", "-q", "-m", "json through a clean filter");
        repo.Run("update-index", "--assume-unchanged", ".sessions/ai_sessions.json");
        history.Log("decision", "kept through every git setting");
        GitRunner.Check(repo.Session("task", "add", "a task the registry records"));
        repo.Repo.Write("a.txt", "a\n");
        repo.Run("add", "a.txt");

        var aborted = repo.Try("--literal-pathspecs", "commit", "-q", "-m", "");
        Assert.That(aborted.ExitCode, Is.Not.Zero, "an empty message aborts the commit");
        Assert.That(repo.Run("diff", "--cached", "--name-only").Trim(), Is.EqualTo("a.txt"), "nothing staged or unstaged beyond the user's own");
        Assert.That(repo.Run("ls-files", "--", ".sessions/ai_sessions.json").Trim(), Is.EqualTo(".sessions/ai_sessions.json"), "the registry stays in the index");

        repo.Run("--literal-pathspecs", "commit", "-q", "-m", "add a");
        var chunk = repo.WorklogFilesAddedBy().Single();
        var committed = JsonNode.Parse(repo.Run("show", "HEAD:" + chunk))!;
        Assert.That(committed["entries"]!.AsArray().Select(e => (string?)e!["text"]), Does.Contain("kept through every git setting"), "the record is committed as written, not as the filter would turn it");
        Assert.That(repo.PendingEntries(), Is.Empty, "the commit recorded what was pending");
        Assert.That(repo.Run("show", "HEAD:.sessions/ai_sessions.json"), Does.Contain("a task the registry records"), "an assume-unchanged registry is committed all the same");
        Assert.That(repo.Run("diff", "--cached", "--name-only").Trim(), Is.Empty, "nothing left staged");
    }

    [Test]
    public void SquashByResetSoft_KeepsOneCommit_AndLinksTheThreeItReplaced()
    {
        var history = History.Start();
        var repo = history.Repo;
        var wip = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            history.Log("note", $"wip note {i}");
            wip.Add(repo.Repo.Commit("w.txt", string.Concat(Enumerable.Repeat("w\n", i)), $"wip {i}"));
        }

        repo.Run("reset", "-q", "--soft", "HEAD~3");
        repo.Run("commit", "-q", "-m", "feat: w");
        var squash = repo.Repo.Head();

        Assert.That(repo.Log(), Has.Length.EqualTo(history.CommitsBefore + 1));
        history.AssertReplaced(wip, squash);
        history.AssertHolds();
    }

    [Test]
    public void InteractiveRebaseWithAutosquash_FoldsTheFixup_LinksIt_AndThePushIsAccepted()
    {
        var history = History.Start();
        var repo = history.Repo;
        var a = repo.Repo.Commit("a.txt", "a\n", "add a");
        history.Log("decision", "a is the first file");
        var b = repo.Repo.Commit("b.txt", "b\n", "add b");
        repo.Repo.Write("a.txt", "a, fixed\n");
        repo.Run("add", "a.txt");
        repo.Run("commit", "-q", "--fixup", a);
        var fixup = repo.Repo.Head();

        var rebase = repo.TryWith(new Dictionary<string, string?> { ["GIT_SEQUENCE_EDITOR"] = "true" }, "rebase", "-q", "-i", "--autosquash", history.Base);

        Assert.That(rebase.ExitCode, Is.Zero, rebase.ToString());
        Assert.That(repo.Log(history.Base + "..HEAD"), Is.EqualTo(new[] { $"add b | {history.Session}", $"add a | {history.Session}" }));
        var newA = repo.Run("rev-parse", "HEAD~1").Trim();
        history.AssertReplaced([a, fixup], newA);
        history.AssertReplaced([b], repo.Repo.Head());
        history.AssertHolds();
    }

    [Test]
    public void InteractiveRebaseWithAReword_NeverStops_AndLeavesNoDuplicate()
    {
        var history = History.Start();
        var repo = history.Repo;
        history.Log("note", "before the reword");
        repo.Repo.Commit("a.txt", "a\n", "add a");
        repo.Repo.Commit("b.txt", "b\n", "add b");

        var rebase = repo.TryWith(new Dictionary<string, string?>
        {
            ["GIT_SEQUENCE_EDITOR"] = "sed -i '1s/^pick/reword/'",
            ["GIT_EDITOR"] = "sed -i '1s/$/ (reworded)/'",
        }, "rebase", "-q", "-i", "HEAD~2");

        Assert.That(rebase.ExitCode, Is.Zero, rebase.ToString());
        Assert.That(repo.Log("HEAD~2..HEAD"), Is.EqualTo(new[] { $"add b | {history.Session}", $"add a (reworded) | {history.Session}" }));
        Assert.That(repo.Run("log", "-1", "--format=%B", "HEAD~1").Split("Session-Id:").Length - 1, Is.EqualTo(1), "one trailer");
        history.AssertHolds();
    }

    [Test]
    public void CherryPickFromAnotherBranchsSession_BelongsToTheBranchItLandsOn_AndThePushIsAccepted()
    {
        var history = History.Start();
        var repo = history.Repo;
        repo.Run("checkout", "-q", "-b", "feature/a");
        var featureSession = repo.CurrentSessionId();
        history.Log("decision", "decided on feature/a");
        repo.Repo.Commit("f1.txt", "1\n", "feature one");
        var picked = repo.Repo.Commit("f2.txt", "2\n", "feature two");
        repo.Run("checkout", "-q", "main");
        repo.Repo.Commit("m.txt", "m\n", "on main");

        var pick = repo.Try("cherry-pick", picked);

        Assert.That(pick.ExitCode, Is.Zero, pick.ToString());
        Assert.That(repo.TrailerOf(), Is.EqualTo(history.Session).And.Not.EqualTo(featureSession));
        Assert.That(repo.TrailerOf(picked), Is.EqualTo(featureSession), "the original stays in its session");
        history.AssertHolds();
    }

    [Test]
    public void RevertOfACommitThatRecordedADecision_LosesNothing_AndRecoverRecordsItAgain()
    {
        var history = History.Start();
        var repo = history.Repo;
        history.Log("decision", "the decision a revert must not lose");
        repo.Repo.Commit("g.txt", "g\n", "add g");

        var revert = repo.Try("revert", "--no-edit", "HEAD");

        Assert.That(revert.ExitCode, Is.Zero, revert.ToString());
        Assert.That(repo.TrailerOf(), Is.EqualTo(history.Session));
        Assert.That(repo.PendingEntries().Select(e => (string?)e["text"]), Does.Contain("the decision a revert must not lose"), "put back in the pending area");
        var refused = repo.Try("push", "origin", "HEAD");
        Assert.That(refused.ExitCode, Is.Not.Zero);
        Assert.That(refused.StandardError, Does.Contain("SH4005").And.Contain("session recover"));
        history.Recover();
        Assert.That(repo.WorklogEntries().Select(e => (string?)e["text"]), Does.Contain("the decision a revert must not lose"));
        history.AssertHolds();
    }

    [Test]
    public void CommitsAlreadyPushedWithoutEntries_AreFoundByValidate_AndBackfilledByRecover()
    {
        var history = History.Start();
        var repo = history.Repo;
        var first = repo.CommitWithoutHooks("x.txt", "x\n", "made without the hooks");
        var second = repo.CommitWithoutHooks("y.txt", "y\n", "also without them");
        repo.Run("push", "-q", "--no-verify", "origin", "main");

        var validate = repo.Session("validate");
        Assert.That(validate.ExitCode, Is.EqualTo(1), validate.ToString());
        Assert.That(validate.StandardOutput, Does.Contain("SH4002").And.Contain(first[..12]).And.Contain(second[..12]));
        var plan = repo.Session("recover", "--dry-run");
        Assert.That(plan.StandardOutput, Does.Contain($"backfilled a worklog entry for commit {first[..12]}"));

        history.Recover();

        var backfilled = repo.WorklogEntries().Where(e => (bool?)e["backfilled"] == true).Select(e => (string?)e["commit"]);
        Assert.That(backfilled, Is.EquivalentTo(new[] { first, second }));
        history.AssertHolds();
    }

    [Test]
    public void SessionLog_NeverBlocksASwitchToABranchWhoseRecordsDiffer()
    {
        var history = History.Start();
        var repo = history.Repo;
        repo.Run("checkout", "-q", "-b", "feature/a");
        history.Log("note", "feature note");
        repo.Repo.Commit("a.txt", "a\n");
        repo.Run("checkout", "-q", "main");
        history.Log("decision", "logged on main, not committed yet");

        var switched = repo.Try("checkout", "-q", "feature/a");

        Assert.That(switched.ExitCode, Is.Zero, switched.ToString());
        repo.Run("checkout", "-q", "main");
        history.AssertHolds();
    }

    [Test]
    public void EndThenPush_IsRefusedUntilRecover_AndTheNextCommitStartsANewSession()
    {
        var history = History.Start();
        var repo = history.Repo;
        history.Log("task", "carry this over");
        repo.Repo.Commit("a.txt", "a\n");
        Assert.That(repo.Session("end", "--summary", "handing over", "--status", "handoff").ExitCode, Is.Zero);

        var refused = repo.Try("push", "origin", "main");
        Assert.That(refused.ExitCode, Is.Not.Zero);
        Assert.That(refused.StandardError, Does.Contain("SH4005"));
        Assert.That(repo.Session("recover", "--dry-run").StandardOutput, Does.Contain($"the changes to session {history.Session} are recorded"));
        history.Recover();
        Assert.That(repo.Try("push", "-q", "origin", "main").ExitCode, Is.Zero);

        repo.Repo.Commit("b.txt", "b\n", "after the handoff");
        var next = repo.TrailerOf();
        Assert.That(next, Is.Not.EqualTo(history.Session), "a handed-off session takes no more commits");
        var session = repo.Sessions()["sessions"]!.AsArray().Single(s => (string?)s!["id"] == next)!;
        Assert.That(session["related_sessions"]!.AsArray().Select(r => (string?)r), Does.Contain(history.Session));
        Assert.That(session["backlog"]!.AsArray().Select(b => (string?)b!["text"]), Does.Contain("carry this over"));
        history.AssertHolds(session: next);
    }

    [Test]
    public void PullWithRebase_WhenBothClonesLogged_HasNoConflict_AndKeepsBothSidesEntries()
    {
        var history = History.Start();
        var repo = history.Repo;
        repo.Run("push", "-q", "origin", "main");
        var other = history.SecondClone();
        other.Session("log", "decision", "decided in the second clone");
        other.Repo.Commit("o.txt", "o\n", "from the second clone");
        GitRunner.Check(other.Try("push", "-q", "origin", "main"));

        history.Log("decision", "decided in the first clone");
        repo.Repo.Commit("f.txt", "f\n", "from the first clone");
        var pull = repo.Try("pull", "-q", "--rebase", "origin", "main");

        Assert.That(pull.ExitCode, Is.Zero, pull.ToString());
        Assert.That(repo.WorklogEntries().Select(e => (string?)e["text"]), Does.Contain("decided in the second clone"));
        history.AssertHolds(countFrom: "origin/main~1");
    }

    [Test]
    public void Archive_ThenMergingABranchThatStillListsTheSession_KeepsItArchived_AndEveryPushIsAccepted()
    {
        var history = History.Start();
        var repo = history.Repo;
        repo.Run("checkout", "-q", "-b", "feature/done");
        history.Log("decision", "decided in a session that then ended");
        repo.Repo.Commit("d.txt", "d\n");
        var ended = repo.CurrentSessionId();
        GitRunner.Check(repo.Session("end", "--summary", "done"));
        repo.Repo.Commit("d2.txt", "d2\n", "after the end");
        repo.Run("checkout", "-q", "main");
        repo.Run("merge", "-q", "--no-ff", "--no-edit", "feature/done");
        repo.Run("checkout", "-q", "-b", "feature/later");
        repo.Repo.Commit("l.txt", "l\n", "started before the archive");
        repo.Run("checkout", "-q", "main");

        GitRunner.Check(repo.Session("archive"));
        repo.Run("commit", "-q", "-m", "Archive ended sessions");
        var pushed = repo.Try("push", "-q", "origin", "main");
        Assert.That(pushed.ExitCode, Is.Zero, "the archive's push: the pushed commits name live and archived sessions\n" + pushed);
        var merge = repo.Try("merge", "-q", "--no-ff", "--no-edit", "feature/later");

        Assert.That(merge.ExitCode, Is.Zero, merge.ToString());
        Assert.That(repo.Sessions()["sessions"]!.AsArray().Select(s => (string?)s!["id"]), Does.Not.Contain(ended), "the branch's unchanged copy does not bring it back");
        var archive = HookedRepository.ReadJson(repo.Root, ".sessions/archive/ai_sessions.json")["sessions"]!.AsArray();
        Assert.That(archive.Select(s => (string?)s!["id"]), Is.EqualTo(new[] { ended }));
        history.AssertHolds();
    }

    [Test]
    public void PullAfterAnotherCloneArchivedTheSessionLoggedInto_StopsOnlyUntilRecover_AndLosesNothing()
    {
        // git sees the archive as a folder renamed, and a worklog file this clone added in the old
        // folder as a conflict over where it goes; recover settles it, the user finishes the merge.
        var history = History.Start();
        var repo = history.Repo;
        history.Log("decision", "decided in the first clone");
        repo.Repo.Commit("m.txt", "m\n", "work on main");
        repo.Run("push", "-q", "origin", "main");
        var other = history.SecondClone();
        GitRunner.Check(repo.Session("end", "--summary", "done in the first clone"));
        repo.Repo.Commit("e.txt", "e\n", "after the end");
        GitRunner.Check(repo.Session("archive"));
        repo.Run("commit", "-q", "-m", "Archive ended sessions");
        GitRunner.Check(repo.Try("push", "-q", "origin", "main"));

        other.Session("log", "decision", "decided in the second clone before it knew");
        other.Repo.Commit("o.txt", "o\n", "from the second clone");
        var pull = other.Try("-c", "pull.rebase=false", "pull", "-q", "--no-edit", "origin", "main");
        Assert.That(pull.ExitCode, Is.Not.Zero, "git stops: the file's folder was archived on the other side");

        var recover = other.Session("recover");
        Assert.That(recover.ExitCode, Is.Zero, recover.ToString());
        Assert.That(recover.StandardOutput, Does.Contain("git's conflict is resolved").And.Contain("git commit"));
        GitRunner.Check(other.TryWith(new Dictionary<string, string?> { ["GIT_EDITOR"] = "true" }, "commit", "-q", "--no-edit"));

        Assert.That(other.ArchivedEntries().Select(e => (string?)e["text"]), Does.Contain("decided in the second clone before it knew"));
        Assert.That(other.TrackedChanges(), Is.Empty);
        var push = other.Try("push", "-q", "origin", "main");
        Assert.That(push.ExitCode, Is.Zero, "its commit was made while the session was open there\n" + push);
        Assert.That(other.Session("validate").ExitCode, Is.Zero);
    }

    [Test]
    public void MergeSquash_BringsTheBranchsRecordsAlong()
    {
        var history = History.Start();
        var repo = history.Repo;
        repo.Run("checkout", "-q", "-b", "feature/s");
        history.Log("insight", "learnt on the squashed branch");
        repo.Repo.Commit("s1.txt", "1\n");
        repo.Repo.Commit("s2.txt", "2\n");
        repo.Run("checkout", "-q", "main");

        var merge = repo.Try("merge", "-q", "--squash", "feature/s");
        Assert.That(merge.ExitCode, Is.Zero, merge.ToString());
        repo.Run("commit", "-q", "-m", "feature s, squashed");

        Assert.That(repo.TrailerOf(), Is.EqualTo(history.Session));
        Assert.That(repo.WorklogEntries().Select(e => (string?)e["text"]), Does.Contain("learnt on the squashed branch"));
        history.AssertHolds();
    }

    [Test]
    public void ResetHardToAnOlderCommitAndBack_LosesNothing()
    {
        var history = History.Start();
        var repo = history.Repo;
        history.Log("decision", "before the reset");
        repo.Repo.Commit("a.txt", "a\n");
        history.Log("decision", "also before the reset");
        repo.Repo.Commit("b.txt", "b\n");

        repo.Run("reset", "-q", "--hard", "HEAD~2");
        repo.Run("reset", "-q", "--hard", "ORIG_HEAD");

        history.AssertHolds();
    }

    [Test]
    public void ResetHardThenNewWork_KeepsWhatTheDroppedCommitsRecorded()
    {
        var history = History.Start();
        var repo = history.Repo;
        history.Log("decision", "recorded by a commit the reset drops");
        repo.Repo.Commit("a.txt", "a\n", "dropped later");

        repo.Run("reset", "-q", "--hard", "HEAD~1");
        repo.Repo.Commit("b.txt", "b\n", "new work after the reset");

        Assert.That(repo.PendingEntries().Select(e => (string?)e["text"]), Does.Contain("recorded by a commit the reset drops"));
        history.Recover();
        history.AssertHolds();
    }

    [Test]
    public void StashWithStagedRecordChanges_PopsBack_AndCommits()
    {
        var history = History.Start();
        var repo = history.Repo;
        var registry = Path.Combine(repo.Root, ".sessions/ai_sessions.json");
        var node = JsonNode.Parse(File.ReadAllText(registry))!;
        node["context_notes"]!.AsArray().Add("edited by hand");
        File.WriteAllText(registry, node.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
        repo.Repo.Write("c.txt", "c\n");
        repo.Run("add", ".sessions/ai_sessions.json", "c.txt");

        repo.Run("stash", "-q");
        Assert.That(repo.TrackedChanges(), Is.Empty);
        repo.Run("stash", "pop", "-q", "--index");
        repo.Run("commit", "-q", "-m", "hand-edited note");

        Assert.That(repo.Sessions()["context_notes"]!.AsArray().Select(n => (string?)n), Does.Contain("edited by hand"));
        history.AssertHolds();
    }

    [Test]
    public void RebaseOnto_MovesTheBranch_AndLinksEveryMovedCommit()
    {
        var history = History.Start();
        var repo = history.Repo;
        repo.Run("checkout", "-q", "-b", "base2");
        repo.Repo.Commit("base2.txt", "b\n");
        repo.Run("checkout", "-q", "-b", "topic");
        var topicSession = repo.CurrentSessionId();
        repo.Session("log", "decision", "topic decision");
        var t1 = repo.Repo.Commit("t1.txt", "1\n");
        var t2 = repo.Repo.Commit("t2.txt", "2\n");

        var rebase = repo.Try("rebase", "-q", "--onto", "main", "base2", "topic");

        Assert.That(rebase.ExitCode, Is.Zero, rebase.ToString());
        Assert.That(repo.Run("rev-list", "--count", "main..topic").Trim(), Is.EqualTo("2"));
        var moved = repo.PendingEntries().Where(e => e["replaced_by"] is not null).Select(e => (string?)e["commit"]);
        Assert.That(moved, Is.EquivalentTo(new[] { t1, t2 }));
        Assert.That(repo.Log("main..topic"), Is.All.EndsWith(topicSession));
        history.AssertHolds(session: topicSession, countFrom: "main");
    }

    [Test]
    public void SecondClone_InstallsAndContinuesTheBranchsSession()
    {
        var history = History.Start();
        var repo = history.Repo;
        history.Log("decision", "made in the first clone");
        repo.Repo.Commit("a.txt", "a\n");
        repo.Run("push", "-q", "origin", "main");

        var other = history.SecondClone();
        Assert.That(other.CurrentSessionId(), Is.EqualTo(history.Session), "the branch's open session is resumed");
        Assert.That(other.Session("context").StandardOutput, Does.Contain("made in the first clone"));
        other.Session("log", "decision", "made in the second clone");
        other.Repo.Commit("b.txt", "b\n");
        Assert.That(other.TrailerOf(), Is.EqualTo(history.Session));
        GitRunner.Check(other.Try("push", "-q", "origin", "main"));

        repo.Run("pull", "-q", "--rebase", "origin", "main");
        history.Expect("made in the second clone");
        history.AssertHolds();
    }

    /// <summary>A scenario's repository, what was logged in it, and the checks every scenario ends with.</summary>
    private sealed class History
    {
        private readonly Dictionary<string, (string Text, string Branch)> logged = [];

        private History(HookedRepository repo)
        {
            Repo = repo;
            Session = repo.CurrentSessionId();
            Base = repo.Repo.Head();
            CommitsBefore = repo.Log().Length;
        }

        public HookedRepository Repo { get; }

        /// <summary>main's session, which every scenario commit names unless it says otherwise.</summary>
        public string Session { get; }

        /// <summary>The install commit every scenario starts from.</summary>
        public string Base { get; }

        public int CommitsBefore { get; }

        public static History Start() => new(HookedRepository.Create());

        /// <summary>Runs <c>session log</c> and remembers the entry (id and text) that must never be lost.</summary>
        public void Log(string kind, string text)
        {
            var result = Repo.Session("log", kind, text);
            GitRunner.Check(result);
            logged[result.StandardOutput.Split(' ')[2]] = (text, Branch());
        }

        /// <summary>Remembers an entry another clone logged, found by its text.</summary>
        public void Expect(string text)
        {
            var entry = All().Single(e => (string?)e["text"] == text);
            logged[(string)entry["id"]!] = (text, Branch());
        }

        public void Recover()
        {
            var recover = Repo.Session("recover");
            Assert.That(recover.ExitCode, Is.Zero, recover.ToString());
        }

        /// <summary>A clone of the remote with SessionHooks installed, the way a second developer joins.</summary>
        public HookedRepository SecondClone()
        {
            var root = Path.Combine(Path.GetDirectoryName(Repo.Root)!, "second");
            Repo.Repo.Git.Run(Path.GetDirectoryName(Repo.Root)!, "clone", "-q", Repo.Remote, root);
            var clone = Repo.Repo.Sibling(root);
            GitRunner.Check(InstalledRepository.Session(clone, root, "install", "--hooks-dir", HookedRepository.HooksFolder));
            clone.Run("checkout", "-q", "main");
            return HookedRepository.Wrap(clone, Repo.Remote);
        }

        /// <summary>Each of <paramref name="old"/> is an entry of its session, linked to <paramref name="successor"/>.</summary>
        public void AssertReplaced(IEnumerable<string> old, string successor)
        {
            foreach (var commit in old)
            {
                var entry = All().SingleOrDefault(e => (string?)e["commit"] == commit);
                Assert.That(entry, Is.Not.Null, $"replaced commit {commit[..12]} is kept");
                Assert.That((string?)entry!["replaced_by"], Is.EqualTo(successor), $"{commit[..12]} links to its successor");
                Assert.That((string?)entry["kind"], Is.EqualTo("commit"));
            }
        }

        /// <summary>What every scenario ends with.</summary>
        /// <param name="session">The session whose summary is checked (main's by default).</param>
        /// <param name="countFrom">Where the branch's own commits start, for summary's count.</param>
        public void AssertHolds(string? session = null, string? countFrom = null)
        {
            // What was logged on the branch checked out (or on one merged into it) is in its records.
            var all = All();
            foreach (var (id, (text, branch)) in logged.Where(l => l.Value.Branch == Branch() || Repo.Try("merge-base", "--is-ancestor", l.Value.Branch, "HEAD").ExitCode == 0))
            {
                Assert.That(all.Any(e => (string?)e["id"] == id && (string?)e["text"] == text), Is.True, $"entry {id} \"{text}\" (logged on {branch}) is kept");
            }

            Assert.That(Repo.TrackedChanges(), Is.Empty, "the tree is clean");
            var push = Repo.Try("push", "-q", "--force", "origin", "HEAD");
            if (push.ExitCode != 0 && push.StandardError.Contains("session recover", StringComparison.Ordinal))
            {
                Recover();
                push = Repo.Try("push", "-q", "--force", "origin", "HEAD");
            }

            Assert.That(push.ExitCode, Is.Zero, push.ToString());
            var validate = Repo.Session("validate");
            Assert.That(validate.ExitCode, Is.Zero, validate.ToString());

            // git's commits of the branch that are the session's: those naming it, and those it backfilled (no trailer).
            session ??= Session;
            // Merges count when they name the session (their trailer is one, as any commit's).
            var expected = Repo.Log((countFrom ?? Base) + "..HEAD")
                .Count(line => line.EndsWith(" | " + session, StringComparison.Ordinal) || line.EndsWith(" | ", StringComparison.Ordinal))
                + Repo.Run("log", "--merges", "--format=%(trailers:key=Session-Id,valueonly)", (countFrom ?? Base) + "..HEAD")
                    .Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(line => line.Trim() == session);
            var summary = JsonNode.Parse(Repo.Session("summary", session, "--json").StandardOutput)!;
            var counted = summary["commits"]!.AsArray().Select(c => (string)c!).Count(c => Repo.Try("merge-base", "--is-ancestor", countFrom ?? Base, c).ExitCode == 0 && c != Repo.Run("rev-parse", countFrom ?? Base).Trim());
            Assert.That(counted, Is.EqualTo(expected), "summary counts the session's commits git has on the branch");
        }

        private string Branch() => Repo.Run("rev-parse", "--abbrev-ref", "HEAD").Trim();

        private List<JsonNode> All() => [.. Repo.WorklogEntries().Concat(Repo.ArchivedEntries()).Concat(Repo.PendingEntries())];
    }
}
