using System.Globalization;
using SessionHooks.Git;
using SessionHooks.Records;
using SessionHooks.Testing;

namespace SessionHooks.Tests.Git;

/// <summary>
/// What the git command line itself says about a repository, read in its machine formats (<c>-z</c>),
/// for the adapter's answers to be compared with.
/// </summary>
internal static class GitAnswers
{
    private static long clock = 1_700_000_000;

    /// <summary>Commits with a distinct, increasing time, so that date order is well defined.</summary>
    public static string CommitAt(this TempRepository repo, string relative, string content, string? message = null)
    {
        repo.Write(relative, content);
        repo.Run("add", "--", relative);
        return repo.CommitStaged(message ?? $"change {relative}");
    }

    public static string CommitStaged(this TempRepository repo, string message, params string[] extra)
    {
        GitRunner.Check(repo.Git.TryWith(repo.Root, NextDates(), null, ["commit", "--quiet", "-m", message, .. extra]));
        return repo.Head();
    }

    /// <summary>Author and committer dates a minute after the last commit made here.</summary>
    public static IReadOnlyDictionary<string, string?> NextDates(string offset = "+0200") =>
        Dates($"@{Interlocked.Add(ref clock, 60)} {offset}");

    public static IReadOnlyDictionary<string, string?> Dates(string date) => new Dictionary<string, string?>
    {
        ["GIT_AUTHOR_DATE"] = date,
        ["GIT_COMMITTER_DATE"] = date,
    };

    /// <summary>Runs git with extra variables (e.g. GIT_INDEX_FILE) and fails the test when it fails.</summary>
    public static string RunWith(this TempRepository repo, IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        GitRunner.Check(repo.Git.TryWith(repo.Root, environment, null, arguments)).StandardOutput;

    /// <summary>Parses <c>git diff --name-status -z</c>.</summary>
    public static List<StagedChange> NameStatus(string output)
    {
        var fields = output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        var changes = new List<StagedChange>();
        for (var i = 0; i < fields.Length;)
        {
            var status = fields[i++];
            var kind = status[0] switch
            {
                'A' => ChangeKind.Added,
                'M' => ChangeKind.Modified,
                'D' => ChangeKind.Deleted,
                'R' => ChangeKind.Renamed,
                'C' => ChangeKind.Copied,
                'T' => ChangeKind.TypeChanged,
                _ => throw new AssertionException($"unexpected status {status}"),
            };
            if (kind is ChangeKind.Renamed or ChangeKind.Copied)
            {
                var old = fields[i++];
                changes.Add(new StagedChange(fields[i++], kind, old));
            }
            else
            {
                changes.Add(new StagedChange(fields[i++], kind));
            }
        }

        return changes;
    }

    /// <summary>Parses <c>git show --numstat -z --format=</c>: renames print an empty path, then old and new.</summary>
    public static List<FileStat> NumStat(string output)
    {
        var fields = output.TrimStart('\n').Split('\0');
        var stats = new List<FileStat>();
        for (var i = 0; i < fields.Length && fields[i].Length > 0;)
        {
            var parts = fields[i++].TrimStart('\n').Split('\t');
            var path = parts[2];
            if (path.Length == 0)
            {
                i++;
                path = fields[i++];
            }

            stats.Add(parts[0] == "-"
                ? new FileStat(path, 0, 0, true)
                : new FileStat(path, int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture), false));
        }

        return stats;
    }

    /// <summary>The paths <c>git status --porcelain -z</c> reports (for renames, the new path).</summary>
    public static List<string> StatusPaths(string output)
    {
        var fields = output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        var paths = new List<string>();
        for (var i = 0; i < fields.Length; i++)
        {
            paths.Add(fields[i][3..]);
            if (fields[i][0] is 'R' or 'C')
            {
                i++;
            }
        }

        return paths;
    }

    public static List<string> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    public static GitRepository OpenClean(this TempRepository repo, string? subfolder = null, string? indexPath = null) =>
        GitRepository.Open(subfolder is null ? repo.Root : repo.Path(subfolder), GitEnvironment.None, indexPath);
}
