using SessionHooks.Diagnostics;

namespace SessionHooks.Install;

/// <summary>Plans an install: every file and config value SessionHooks needs, each only when it differs.</summary>
internal static class InstallSteps
{
    public static InstallPlan Plan(RepositoryPaths repository, string hooksFolder)
    {
        var plan = new InstallPlan(repository);
        var location = HooksLocation.Resolve(repository.Root, repository.CommonGitDir);
        if (location.Kind == HooksLocationKind.Outside)
        {
            throw new SessionHooksException(DiagnosticCatalog.HooksPathOutside.ForFile(location.Folder,
                $"core.hooksPath ({location.Scope} git config) is {location.Folder}, outside this repository: SessionHooks writes no hook there, " +
                "because a line in it would run in every repository that folder serves"));
        }

        DescribeLocation(plan, location);
        plan.ExistingHookLines = ExistingHookLines.Find(plan, location);

        var launcher = plan.FullPath(LauncherScript.RepoPath);
        plan.Write(launcher, LauncherScript.Text, $"{Created(plan, launcher)} {LauncherScript.RepoPath}", executable: true);
        var everyTask = HooksRunningEveryTask(plan, location);
        foreach (var hook in InstallLayout.GitHooks)
        {
            HookFile(plan, location, hook, hookTasks: everyTask.Count == 0);
        }

        TaskRunner(plan, location, hookTasks: everyTask.Count == 0);
        DescribeTaskRunner(plan, location, everyTask);
        Config(plan, location, hooksFolder);
        Lines(plan, ".gitattributes", InstallLayout.AttributesHeader, InstallLayout.AttributesLines);
        Lines(plan, ".gitignore", InstallLayout.IgnoreHeader, InstallLayout.IgnoreLines);
        foreach (var name in SchemaCopies.Names)
        {
            var path = plan.FullPath(InstallLayout.SchemasFolder + "/" + name);
            plan.Write(path, SchemaCopies.Text(name), $"{Created(plan, path)} {plan.Display(path)} (offline schema for editors)");
        }

        CheckHooksFolder(plan, hooksFolder);
        return plan;
    }

    /// <summary>Where the task runner's file is: Husky.Net keeps it in its hooks folder, which may be a custom one.</summary>
    public static string TaskRunnerPath(InstallPlan plan, HooksLocation location) =>
        location.Kind == HooksLocationKind.Configured && plan.Exists(Path.Combine(location.Folder, InstallLayout.TaskRunnerFileName))
            ? Path.Combine(location.Folder, InstallLayout.TaskRunnerFileName)
            : plan.FullPath(InstallLayout.HuskyFolder + "/" + InstallLayout.TaskRunnerFileName);

    private static void DescribeLocation(InstallPlan plan, HooksLocation location)
    {
        if (location.Kind == HooksLocationKind.Configured)
        {
            plan.Note($"core.hooksPath is {location.Display}: SessionHooks' lines go into the hook files there");
        }
        else if (location.Kind == HooksLocationKind.GitHooks)
        {
            plan.Note($"{location.Display} holds your hooks and core.hooksPath is unset: SessionHooks' lines go into the hook files there, " +
                "because pointing core.hooksPath at .husky would switch yours off");
        }
    }

    /// <summary>The hook files (any hook git runs, not only ours) that run every task of the task runner.</summary>
    private static List<string> HooksRunningEveryTask(InstallPlan plan, HooksLocation location) =>
        !Directory.Exists(plan.Owned(location.Folder).Verify())
            ? []
            : [.. Directory.EnumerateFiles(location.Folder)
                .Where(f => ExistingHookLines.GitHookNames.Contains(Path.GetFileName(f)))
                .Order(StringComparer.Ordinal)
                .Where(f => plan.ReadText(f) is { } text && HookScript.RunsEveryTask(text))];

    private static void DescribeTaskRunner(InstallPlan plan, HooksLocation location, List<string> everyTask)
    {
        foreach (var file in everyTask)
        {
            plan.Note($"{plan.Display(file)} runs every task of Husky.Net's task runner (no --group): SessionHooks' lines call it directly in each hook, " +
                $"and {InstallLayout.TaskRunnerFileName} gets only its recover task, since a hook's task would run in that hook too");
        }

        var usesHusky = plan.Exists(Path.Combine(location.Folder, "_", "husky.sh"))
            || InstallLayout.GitHooks.Any(h => plan.ReadText(Path.Combine(location.Folder, h)) is { } text && HookScript.RunsTaskRunner(text));
        if (usesHusky)
        {
            plan.Note(InstallLayout.OwnLineReason);
        }
    }

    private static void HookFile(InstallPlan plan, HooksLocation location, string hook, bool hookTasks)
    {
        var path = Path.Combine(location.Folder, hook);
        var shown = plan.Display(path);
        var existing = plan.ReadText(path);
        // pre-push and post-rewrite keep our line even when the file runs their group (InstallLayout.ReadsStandardInput).
        var viaTaskRunner = hookTasks && !InstallLayout.ReadsStandardInput(hook) && existing is not null && HookScript.RunsTaskRunnerGroup(existing, hook);
        var edit = HookScript.Add(existing, hook, besideLauncher: location.IsHusky, viaTaskRunner);
        switch (edit.Kind)
        {
            case HookEditKind.Created:
                plan.Write(path, edit.Text, $"created {shown}", executable: true);
                break;
            case HookEditKind.LineAdded:
                plan.Write(path, edit.Text, $"added SessionHooks' line to {shown} (your lines are kept)", executable: true);
                break;
            case HookEditKind.LineUpdated:
                plan.Write(path, edit.Text, $"updated SessionHooks' line in {shown}", executable: true);
                break;
            case HookEditKind.LineRemoved:
                plan.Write(path, edit.Text, $"removed SessionHooks' line from {shown}: the task runner runs SessionHooks there", executable: true);
                break;
            case HookEditKind.NotAShellScript:
                plan.Note($"{shown} is not a shell script, so it was left alone; have it run: {HookScript.Line(hook, location.IsHusky)}");
                return;
            case HookEditKind.Unchanged when existing is not null:
                plan.Write(path, existing, "", executable: true);
                break;
        }

        if (viaTaskRunner)
        {
            plan.Note($"{shown} runs Husky.Net's task runner for '{hook}': SessionHooks runs there as the task 'sessionhooks-{hook}'");
            if (InstallLayout.TakesArguments(hook) && HookScript.RunsTaskRunnerWithoutArgs(existing!, hook))
            {
                plan.Note($"{shown} runs the task runner without --args \"$@\": Husky.Net skips 'sessionhooks-{hook}' until that is added");
            }
        }

        if (existing is not null && HookScript.SourcesHuskyUnconditionally(existing) && !plan.Exists(Path.Combine(location.Folder, "_", "husky.sh")))
        {
            plan.Note($"{shown} sources _/husky.sh, which this clone lacks: the hook fails until 'dotnet husky install' is run");
        }
    }

    private static void TaskRunner(InstallPlan plan, HooksLocation location, bool hookTasks)
    {
        var path = TaskRunnerPath(plan, location);
        var shown = plan.Display(path);
        var existing = plan.ReadText(path);
        var edit = TaskRunnerFile.Merge(existing, shown, hookTasks);
        if (!edit.Changed)
        {
            return;
        }

        var names = string.Join(", ", edit.Added.Concat(edit.Updated));
        var removed = edit.Removed.Count == 0 ? "" : $"remove the tasks {string.Join(", ", edit.Removed)}";
        if (edit.HasComments)
        {
            var wanted = string.Join("; ", new[] { names.Length > 0 ? $"add the tasks {names} as 'session install --dry-run' shows them" : "", removed }.Where(w => w.Length > 0));
            plan.Note($"{shown} has comments, which rewriting it would lose, so it was left alone; {wanted}");
            return;
        }

        var change = existing is null ? $"created {shown} with SessionHooks' tasks"
            : string.Join("; ", new[] { names.Length > 0 ? $"added or updated tasks in {shown}: {names}" : "", edit.Removed.Count > 0 ? $"removed tasks from {shown}: {string.Join(", ", edit.Removed)}" : "" }.Where(c => c.Length > 0));
        plan.Write(path, edit.Text!, change);
    }

    private static void Config(InstallPlan plan, HooksLocation location, string hooksFolder)
    {
        if (location.SetHooksPath)
        {
            plan.SetConfig(InstallLayout.HooksPathKey, InstallLayout.HuskyFolder, $"set {InstallLayout.HooksPathKey} = {InstallLayout.HuskyFolder} (local git config)");
            plan.SetConfig(InstallLayout.SetHooksPathKey, "true", $"set {InstallLayout.SetHooksPathKey} = true (so uninstall unsets core.hooksPath)");
        }

        plan.SetConfig(InstallLayout.HooksDirKey, hooksFolder, $"set {InstallLayout.HooksDirKey} = {hooksFolder}");
        var file = StatePaths.Of(plan.CommonGitDir).HooksFolderFile;
        if (hooksFolder.Contains('\n', StringComparison.Ordinal) || hooksFolder.Contains('\r', StringComparison.Ordinal))
        {
            // The launcher reads one line; it falls back to the git config key without the file.
            plan.Delete(file, $"deleted {plan.Display(file)}: the hooks folder's path has a line break, so the launcher asks the git config");
        }
        else
        {
            plan.Write(file, hooksFolder + "\n", $"{Created(plan, file)} {plan.Display(file)} (the hooks folder, for the launcher)");
        }

        plan.SetConfig(InstallLayout.MergeDriverNameKey, InstallLayout.MergeDriverName, $"set {InstallLayout.MergeDriverNameKey}");
        plan.SetConfig(InstallLayout.MergeDriverKey, InstallLayout.MergeDriverCommand, $"registered the merge driver: {InstallLayout.MergeDriverKey} = {InstallLayout.MergeDriverCommand}");
    }

    private static void Lines(InstallPlan plan, string file, string header, IReadOnlyList<string> lines)
    {
        var path = plan.FullPath(file);
        var (text, added) = LineBlock.Add(plan.ReadText(path), header, lines);
        if (added.Count > 0)
        {
            plan.Write(path, text, $"added to {file}: {string.Join(", ", added)}");
        }
    }

    private static void CheckHooksFolder(InstallPlan plan, string hooksFolder)
    {
        var missing = InstallLayout.Programs.Where(p => !HookInstaller.HasProgram(hooksFolder, p)).ToList();
        if (missing.Count > 0)
        {
            plan.Note($"the hooks folder {hooksFolder} lacks {string.Join(", ", missing)}: the hooks warn and do nothing until it holds them");
        }
    }

    private static string Created(InstallPlan plan, string path) => plan.Exists(path) ? "updated" : "created";
}
