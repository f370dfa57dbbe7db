using System.Text.RegularExpressions;

namespace SessionHooks.Install;

internal enum HookEditKind
{
    Unchanged,
    Created,
    LineAdded,
    LineUpdated,
    LineRemoved,
    NotAShellScript,
}

internal sealed record HookEdit(HookEditKind Kind, string Text);

/// <summary>
/// One git hook file in Husky.Net's format, and SessionHooks' single marked line in it. The
/// user's lines are never changed; ours is found again by its marker.
/// </summary>
internal static partial class HookScript
{
    public const string Marker = "# SessionHooks (session install)";

    public const string Shebang = "#!/bin/sh";

    // Husky.Net's template sources _/husky.sh unconditionally, which fails where Husky.Net is not
    // installed (the _ folder is git-ignored); ours sources it only when it is there.
    public const string HuskySource = "[ ! -f \"$(dirname \"$0\")/_/husky.sh\" ] || . \"$(dirname \"$0\")/_/husky.sh\"";

    /// <summary>
    /// Our line. In <c>.husky/</c> the launcher sits beside the hook. Elsewhere it is reached from
    /// the worktree root, where git runs hooks, and skipped when absent (an older branch, or
    /// another clone sharing the hooks folder). <c>|| exit</c> keeps a refusal a refusal in scripts
    /// without <c>set -e</c>.
    /// </summary>
    public static string Line(string hook, bool besideLauncher) => besideLauncher
        ? $"sh \"$(dirname \"$0\")/{LauncherScript.FileName}\" {hook} \"$@\" || exit $? {Marker}"
        : $"[ ! -f {LauncherScript.RepoPath} ] || sh {LauncherScript.RepoPath} {hook} \"$@\" || exit $? {Marker}";

    public static string NewFile(string hook, bool besideLauncher) => besideLauncher
        ? $"{Shebang}\n{HuskySource}\n\n{Line(hook, besideLauncher)}\n"
        : $"{Shebang}\n{Line(hook, besideLauncher)}\n";

    /// <summary>Adds (or brings up to date) our line; with <paramref name="viaTaskRunner"/> removes it instead.</summary>
    public static HookEdit Add(string? existing, string hook, bool besideLauncher, bool viaTaskRunner)
    {
        if (existing is null || existing.Trim().Length == 0)
        {
            return viaTaskRunner ? new(HookEditKind.Unchanged, existing ?? "") : new(HookEditKind.Created, NewFile(hook, besideLauncher));
        }

        var file = TextLines.Parse(existing);
        if (!IsShellScript(file))
        {
            return new(HookEditKind.NotAShellScript, existing);
        }

        var ours = file.Lines.FindIndex(IsOurs);
        if (viaTaskRunner)
        {
            return file.Lines.RemoveAll(IsOurs) > 0 ? new(HookEditKind.LineRemoved, file.ToString()) : new(HookEditKind.Unchanged, existing);
        }

        var line = Line(hook, besideLauncher);
        if (ours >= 0)
        {
            file.Lines[ours] = line;
            for (var i = file.Lines.Count - 1; i > ours; i--)
            {
                if (IsOurs(file.Lines[i]))
                {
                    file.Lines.RemoveAt(i);
                }
            }

            var updated = file.ToString();
            return updated == existing ? new(HookEditKind.Unchanged, existing) : new(HookEditKind.LineUpdated, updated);
        }

        file.Insert(InsertionPoint(file), line);
        return new(HookEditKind.LineAdded, file.ToString());
    }

    /// <summary>The file without our line, or null when nothing of the user's would remain.</summary>
    public static string? Remove(string existing)
    {
        var file = TextLines.Parse(existing);
        file.Lines.RemoveAll(IsOurs);
        return file.Lines.All(IsBoilerplate) ? null : file.ToString();
    }

    public static bool HasOurLine(string text) => TextLines.Parse(text).Lines.Exists(IsOurs);

    /// <summary>True when a line runs Husky.Net's task runner, for any group.</summary>
    public static bool RunsTaskRunner(string text) =>
        TextLines.Parse(text).Lines.Exists(l => !l.TrimStart().StartsWith('#') && HuskyRun().IsMatch(l));

    /// <summary>The shebang, Husky.Net's sourcing of <c>_/husky.sh</c>, or SessionHooks' own line.</summary>
    public static bool IsBoilerplateOrOurs(string line) => IsOurs(line) || IsBoilerplate(line);

    /// <summary>
    /// True when a line runs Husky.Net's task runner with no <c>--group</c> or <c>--name</c>: every task of
    /// task-runner.json then runs in this hook, as Husky.Net's own hook template suggests (<c>husky run</c>).
    /// </summary>
    public static bool RunsEveryTask(string text) =>
        TextLines.Parse(text).Lines.Exists(l => !l.TrimStart().StartsWith('#') && HuskyRun().IsMatch(l) && !TaskFilter().IsMatch(l));

    /// <summary>True when the file already runs Husky.Net's task runner for <paramref name="hook"/>'s group.</summary>
    public static bool RunsTaskRunnerGroup(string text, string hook) => TaskRunnerLine(text, hook) is not null;

    /// <summary>True when the task runner is run for the group without git's arguments (<c>--args "$@"</c>).</summary>
    public static bool RunsTaskRunnerWithoutArgs(string text, string hook) =>
        TaskRunnerLine(text, hook) is { } line && !ArgsOption().IsMatch(line);

    /// <summary>True when the file sources Husky.Net's <c>_/husky.sh</c> without checking that it exists.</summary>
    public static bool SourcesHuskyUnconditionally(string text) =>
        TextLines.Parse(text).Lines.Exists(l => UnconditionalHuskySource().IsMatch(l));

    private static string? TaskRunnerLine(string text, string hook) =>
        TextLines.Parse(text).Lines
            .Where(l => !l.TrimStart().StartsWith('#'))
            .FirstOrDefault(l => HuskyRun().IsMatch(l) && GroupOption().Matches(l).Any(m => m.Groups["group"].Value == hook));

    private static bool IsOurs(string line) => line.TrimEnd().EndsWith(Marker, StringComparison.Ordinal);

    private static bool IsBoilerplate(string line) =>
        string.IsNullOrWhiteSpace(line) || line.Trim() == Shebang || line.Trim() == HuskySource || UnconditionalHuskySource().IsMatch(line);

    // A file without a shebang is run by sh (execvp's fallback), so it counts as a shell script.
    private static bool IsShellScript(TextLines file) =>
        file.Lines.Count == 0 || !file.Lines[0].StartsWith("#!", StringComparison.Ordinal) || ShellShebang().IsMatch(file.Lines[0]);

    // After the user's lines, so their checks run first and a refused commit is not logged; but
    // before a final exit/exec, after which nothing would run.
    private static int InsertionPoint(TextLines file)
    {
        var last = file.Lines.FindLastIndex(l => !string.IsNullOrWhiteSpace(l));
        return last >= 0 && FinalCommand().IsMatch(file.Lines[last]) ? last : file.Lines.Count;
    }

    [GeneratedRegex(@"^#!\s*(/usr)?(/local)?/bin/(env\s+)?(sh|bash|dash|ksh|zsh|ash)\b|^#!\s*/usr/bin/env\s+(-S\s+)?(sh|bash|dash|ksh|zsh|ash)\b")]
    private static partial Regex ShellShebang();

    [GeneratedRegex(@"^\s*\.\s+""?\$\(dirname\s+""?\$0""?\)/_/husky\.sh""?\s*$")]
    private static partial Regex UnconditionalHuskySource();

    [GeneratedRegex(@"\bhusky(\.exe)?\s+run\b")]
    private static partial Regex HuskyRun();

    [GeneratedRegex(@"(--group|-g)(\s+|=)[""']?(?<group>[A-Za-z0-9_.-]+)[""']?")]
    private static partial Regex GroupOption();

    [GeneratedRegex(@"(--group|-g|--name|-n)(\s|=)")]
    private static partial Regex TaskFilter();

    [GeneratedRegex(@"(--args|-a)(\s|=)")]
    private static partial Regex ArgsOption();

    [GeneratedRegex(@"^\s*(exit|exec)(\s|$)")]
    private static partial Regex FinalCommand();
}
