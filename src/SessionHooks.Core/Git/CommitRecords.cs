using System.Globalization;

namespace SessionHooks.Git;

/// <summary>
/// Commits as <c>git rev-list --no-commit-header --format=</c><see cref="Format"/> prints them: one
/// line each, fields split by NUL. No field can hold a line break or a NUL (git keeps neither in
/// names and joins the subject's lines), so the split cannot be fooled by what a commit says.
/// </summary>
internal static class CommitRecords
{
    /// <summary>Id, parents, author name and email, author and committer time (strict ISO 8601), subject, and the <c>Session-Id</c> trailers (git's own trailer parser).</summary>
    public const string Format = "%H%x00%P%x00%an%x00%ae%x00%aI%x00%cI%x00%s%x00%(trailers:key=Session-Id,valueonly,unfold,separator=%x2C)";

    public static List<CommitInfo> Parse(string output)
    {
        var commits = new List<CommitInfo>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split('\0');
            if (fields.Length != 8 || !ObjectIds.IsObjectId(fields[0]))
            {
                throw new FormatException($"not a commit record: '{line.Replace('\0', ' ')}'");
            }

            commits.Add(new CommitInfo(
                fields[0],
                fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries),
                fields[6],
                fields[2],
                fields[3],
                Time(fields[4]),
                Time(fields[5]),
                SessionOf(fields[7])));
        }

        return commits;
    }

    // The last trailer wins, as in a message; a value that is not an id is ignored.
    private static string? SessionOf(string trailers) =>
        trailers.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .LastOrDefault(Records.RecordPaths.IsSafeName);

    private static DateTimeOffset Time(string iso) =>
        DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.None);
}
