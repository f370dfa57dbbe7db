namespace SessionHooks.Tasks.Tests.Package;

/// <summary>
/// Builds that keep their MSBuild node alive (<c>-nodeReuse:true</c>, no in-process node), as IDEs and
/// repeated command-line builds do: the tasks must not carry state from one build into the next.
/// </summary>
public sealed class NodeReuseTests
{
    private static readonly Dictionary<string, string?> OutOfProcessNodes = new()
    {
        ["MSBUILDNOINPROCNODE"] = "1",
        ["MSBUILDDISABLENODEREUSE"] = null,
    };

    [Test]
    public void SecondBuildInTheSameNode_AfterABranchSwitch_SeesTheNewBranch()
    {
        // Whether MSBuild keeps a node is its own decision; under a loaded machine it sometimes starts a
        // fresh one. Every attempt must see the state of its moment, and one at least must reuse a node.
        var reused = false;
        for (var attempt = 1; attempt <= 3 && !reused; attempt++)
        {
            var consumer = ConsumerProject.Create(attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var repository = consumer.Repository;
            repository.Commit(".sessions/ai_sessions.json", SessionFileTexts.SessionsWithBadStatus, "a broken session file");
            repository.Run("branch", "broken");
            repository.Commit(".sessions/ai_sessions.json", SessionFileTexts.EmptySessions, "session file repaired");

            var first = consumer.Build(OutOfProcessNodes, "-nodeReuse:true");
            var nodesAfterFirst = BuildNodes.Running(PackageFeed.NodeSalt);
            repository.Run("checkout", "--quiet", "broken");
            var second = consumer.Build(OutOfProcessNodes, "-nodeReuse:true");

            Assert.That(first.ExitCode, Is.Zero, first.ToString());
            Assert.That(second.ExitCode, Is.Not.Zero, second.ToString());
            Assert.That(second.StandardOutput, Does.Contain("ai_sessions.json(11,17): error SH2003: "));
            reused = nodesAfterFirst.Intersect(BuildNodes.Running(PackageFeed.NodeSalt)).Any();
            TestContext.Out.WriteLine($"attempt {attempt}: node reused: {reused}");
        }

        Assert.That(reused, Is.True, "in three attempts, the second build never ran in a node kept from the first");
    }

    [Test]
    public void ReusedNode_HoldsNoFileOfTheRepositoryOpen()
    {
        // As above: a kept node is MSBuild's decision, so up to three tries to catch one alive.
        var inspected = false;
        for (var attempt = 1; attempt <= 3 && !inspected; attempt++)
        {
            var consumer = ConsumerProject.Create(attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
            consumer.Repository.Write(".sessions/ai_sessions.json", SessionFileTexts.EmptySessions);
            Assert.That(consumer.Build(OutOfProcessNodes, "-nodeReuse:true").ExitCode, Is.Zero);
            // The installed post-checkout hook starts a session, so the next build reads git for staleness too.
            consumer.Repository.Run("checkout", "--quiet", "-b", "feature/open-files");

            var build = consumer.Build(OutOfProcessNodes, "-nodeReuse:true");

            Assert.That(build.ExitCode, Is.Zero, build.ToString());
            var nodes = BuildNodes.Running(PackageFeed.NodeSalt);
            var root = consumer.Repository.Root + Path.DirectorySeparatorChar;
            Assert.That(nodes.SelectMany(BuildNodes.OpenFiles).Where(f => f.StartsWith(root, StringComparison.Ordinal)), Is.Empty);
            inspected = nodes.Count > 0;
            TestContext.Out.WriteLine($"attempt {attempt}: build nodes alive: {nodes.Count}");
        }

        Assert.That(inspected, Is.True, "in three attempts, no build node stayed alive to be inspected");
    }
}
