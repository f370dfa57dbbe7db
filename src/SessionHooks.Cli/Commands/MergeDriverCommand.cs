using System.CommandLine;
using SessionHooks.Records;

namespace SessionHooks.Cli.Commands;

/// <summary>
/// <c>session merge-driver %O %A %B %P</c>: git's merge driver for ai_sessions.json (the
/// archive's too) and worklog.json; a session removed on one side and unchanged on the other (the
/// ancestor, %O, tells) stays removed. Writes the merge into %A and exits 0, or exits 1 (a conflict) leaving %A as it
/// was when a side cannot be read, so git falls back to its own conflict.
/// </summary>
internal static class MergeDriverCommand
{
    public static Command Create()
    {
        var baseFile = new Argument<string>("base") { Description = "%O: the common ancestor's version" };
        var ours = new Argument<string>("ours") { Description = "%A: our version; receives the result" };
        var theirs = new Argument<string>("theirs") { Description = "%B: their version" };
        var path = new Argument<string>("path") { Description = "%P: the file's path in the repository" };
        var command = new Command("merge-driver", "Merge two versions of a session file by id (used by git)") { baseFile, ours, theirs, path };
        command.SetAction(result =>
        {
            var basePath = result.GetValue(baseFile)!;
            var oursPath = result.GetValue(ours)!;
            var theirsPath = result.GetValue(theirs)!;
            var displayPath = result.GetValue(path)!;
            try
            {
                var merged = SessionFiles.FromFileName(displayPath) switch
                {
                    SessionFileKind.AiSessions => Merge<SessionHooks.Records.AiSessions>(oursPath, theirsPath, displayPath, SessionFileParser.ParseAiSessions,
                        (o, t) => SessionMerge.Merge(Ancestor(basePath, displayPath), o, t), SessionJson.Serialize),
                    SessionFileKind.Worklog => Merge<SessionHooks.Records.Worklog>(oursPath, theirsPath, displayPath, SessionFileParser.ParseWorklog, SessionMerge.Merge, SessionJson.Serialize),
                    _ => null,
                };
                if (merged is null)
                {
                    Console.Error.WriteLine($"session merge-driver: {displayPath}: cannot merge this file by id; leaving the conflict to git");
                    return 1;
                }

                File.WriteAllText(oursPath, merged);
                return 0;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // git then leaves its own conflict markers: the merge stops, nothing is lost.
                Console.Error.WriteLine($"session merge-driver: {displayPath}: cannot merge by id ({exception.Message}); leaving the conflict to git");
                return 1;
            }
        });
        return command;
    }

    private static string? Merge<T>(string oursPath, string theirsPath, string displayPath, Parse<T> parse, Func<T, T, T> merge, Func<T, string> serialize)
        where T : class
    {
        var ours = parse(File.ReadAllBytes(oursPath), displayPath).Value;
        var theirs = parse(File.ReadAllBytes(theirsPath), displayPath).Value;
        return ours is null || theirs is null ? null : serialize(merge(ours, theirs));
    }

    /// <summary>The common ancestor's sessions; null when there is none (git then passes an empty file) or it can't be read.</summary>
    private static SessionHooks.Records.AiSessions? Ancestor(string basePath, string displayPath) =>
        File.Exists(basePath) && new FileInfo(basePath).Length > 0
            ? SessionFileParser.ParseAiSessions(File.ReadAllBytes(basePath), displayPath).Value
            : null;

    private delegate LoadResult<T> Parse<T>(ReadOnlySpan<byte> bytes, string displayPath)
        where T : class;
}
