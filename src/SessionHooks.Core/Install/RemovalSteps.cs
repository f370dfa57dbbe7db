using SessionHooks.Git;

namespace SessionHooks.Install;

/// <summary>Plans an uninstall: exactly what install added, found by its markers, and nothing of the user's.</summary>
internal static class RemovalSteps
{
    public static InstallPlan Plan(RepositoryPaths repository)
    {
        var plan = new InstallPlan(repository);
        var location = HooksLocation.Resolve(repository.Root, repository.CommonGitDir);

        // Every folder an install may have used: the clone's configuration may have changed since.
        // One outside the repository is never written: an older install may have put a line there.
        if (location.Kind == HooksLocationKind.Outside)
        {
            plan.Note($"core.hooksPath ({location.Scope} git config) is {location.Folder}, outside this repository: SessionHooks changed nothing there; " +
                $"if its hook files hold a line ending in '{HookScript.Marker}', remove that line by hand");
        }

        string[] folders = location.Kind == HooksLocationKind.Outside
            ? [plan.FullPath(InstallLayout.HuskyFolder), Path.Combine(repository.CommonGitDir, "hooks")]
            : [plan.FullPath(InstallLayout.HuskyFolder), location.Folder, Path.Combine(repository.CommonGitDir, "hooks")];
        foreach (var folder in folders.Distinct(StringComparer.Ordinal))
        {
            foreach (var hook in InstallLayout.GitHooks)
            {
                HookFile(plan, Path.Combine(folder, hook));
            }
        }

        string[] taskRunners = [plan.FullPath(InstallLayout.HuskyFolder + "/" + InstallLayout.TaskRunnerFileName), InstallSteps.TaskRunnerPath(plan, location)];
        foreach (var path in taskRunners.Distinct(StringComparer.Ordinal))
        {
            TaskRunner(plan, path);
        }

        plan.Delete(plan.FullPath(LauncherScript.RepoPath), $"deleted {LauncherScript.RepoPath}");
        plan.DeleteFolderIfEmpty(plan.FullPath(InstallLayout.HuskyFolder));
        Config(plan);
        Lines(plan, ".gitattributes", InstallLayout.AttributesHeader, InstallLayout.AttributesLines);
        Lines(plan, ".gitignore", InstallLayout.IgnoreHeader, InstallLayout.IgnoreLines);
        foreach (var name in SchemaCopies.Names)
        {
            var path = plan.FullPath(InstallLayout.SchemasFolder + "/" + name);
            plan.Delete(path, $"deleted {plan.Display(path)}");
        }

        plan.DeleteFolderIfEmpty(plan.FullPath(InstallLayout.SchemasFolder));
        AssistantSteps.Remove(plan);
        return plan;
    }

    private static void HookFile(InstallPlan plan, string path)
    {
        var existing = plan.ReadText(path);
        if (existing is null || !HookScript.HasOurLine(existing))
        {
            return;
        }

        var rest = HookScript.Remove(existing);
        if (rest is null)
        {
            plan.Delete(path, $"deleted {plan.Display(path)} (nothing else was in it)");
        }
        else
        {
            plan.Write(path, rest, $"removed SessionHooks' line from {plan.Display(path)} (your lines are kept)");
        }
    }

    private static void TaskRunner(InstallPlan plan, string path)
    {
        var existing = plan.ReadText(path);
        if (existing is null)
        {
            return;
        }

        var shown = plan.Display(path);
        // Husky.Net's task runner stops with an error when its file is missing: where Husky.Net is set
        // up, a file left with no task is kept.
        var edit = TaskRunnerFile.Remove(existing, shown, keepFile: HuskyNetUses(plan, Path.GetDirectoryName(path)!, HookScript.RunsTaskRunner) is not null);
        if (!edit.Changed)
        {
            return;
        }

        if (edit.HasComments)
        {
            plan.Note($"{shown} has comments, which rewriting it would lose, so it was left alone; remove the tasks {string.Join(", ", edit.Removed)}");
        }
        else if (edit.Text is null)
        {
            plan.Delete(path, $"deleted {shown} (it held only SessionHooks' tasks)");
        }
        else
        {
            plan.Write(path, edit.Text, $"removed tasks from {shown}: {string.Join(", ", edit.Removed)}");
        }
    }

    private static void Config(InstallPlan plan)
    {
        // core.hooksPath is unset only when install set it, it still says .husky, and nothing else
        // uses it: 'dotnet husky install' sets the same value, and Husky.Net's hooks and task runner
        // (which finds task-runner.json through core.hooksPath) stop working without it.
        if (GitConfig.Get(plan.Root, InstallLayout.SetHooksPathKey) == "true" &&
            GitConfig.Get(plan.Root, InstallLayout.HooksPathKey) == InstallLayout.HuskyFolder)
        {
            if (HuskyNetUses(plan, plan.FullPath(InstallLayout.HuskyFolder), userLines => userLines.Trim().Length > 0) is { } user)
            {
                plan.Note($"kept {InstallLayout.HooksPathKey} = {InstallLayout.HuskyFolder}: {user}");
            }
            else
            {
                plan.UnsetConfig(InstallLayout.HooksPathKey);
            }
        }

        plan.UnsetConfig(InstallLayout.SetHooksPathKey);
        plan.UnsetConfig(InstallLayout.HooksDirKey);
        var file = StatePaths.Of(plan.CommonGitDir).HooksFolderFile;
        plan.Delete(file, $"deleted {plan.Display(file)}");
        plan.UnsetConfig(InstallLayout.MergeDriverNameKey);
        plan.UnsetConfig(InstallLayout.MergeDriverKey);
    }

    /// <summary>
    /// What in <paramref name="folder"/> still needs it once SessionHooks is gone: Husky.Net's
    /// <c>_/husky.sh</c>, or a hook file whose lines left after ours go match <paramref name="needs"/>.
    /// Null when nothing does.
    /// </summary>
    private static string? HuskyNetUses(InstallPlan plan, string folder, Func<string, bool> needs)
    {
        if (plan.Exists(Path.Combine(folder, "_", "husky.sh")))
        {
            return $"Husky.Net is set up there ({plan.Display(Path.Combine(folder, "_"))})";
        }

        var kept = Directory.Exists(plan.Owned(folder).Verify())
            ? Directory.EnumerateFiles(folder)
                .Where(f => ExistingHookLines.GitHookNames.Contains(Path.GetFileName(f)))
                .Order(StringComparer.Ordinal)
                .FirstOrDefault(f => plan.ReadText(f) is { } text && (HookScript.HasOurLine(text) ? HookScript.Remove(text) : text) is { } rest && needs(rest))
            : null;
        return kept is null ? null : $"{plan.Display(kept)} still holds hook lines of yours";
    }

    private static void Lines(InstallPlan plan, string file, string header, IReadOnlyList<string> lines)
    {
        var path = plan.FullPath(file);
        var existing = plan.ReadText(path);
        if (existing is null)
        {
            return;
        }

        var (text, removed) = LineBlock.Remove(existing, header, lines);
        if (text is null)
        {
            plan.Delete(path, $"deleted {file} (it held only SessionHooks' lines)");
        }
        else if (text != existing)
        {
            plan.Write(path, text, $"removed from {file}: {(removed.Count > 0 ? string.Join(", ", removed) : "SessionHooks' header")}");
        }
    }
}
