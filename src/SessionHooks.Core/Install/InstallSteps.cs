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
        foreach (var hook in InstallLayout.GitHooks)
        {
            HookFile(plan, location, hook);
        }

        TaskRunner(plan, location);
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

    private static void HookFile(InstallPlan plan, HooksLocation location, string hook)
    {
        var path = Path.Combine(location.Folder, hook);
        var shown = plan.Display(path);
        var existing = plan.ReadText(path);
        var viaTaskRunner = existing is not null && HookScript.RunsTaskRunnerGroup(existing, hook);
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

    private static void TaskRunner(InstallPlan plan, HooksLocation location)
    {
        var path = TaskRunnerPath(plan, location);
        var shown = plan.Display(path);
        var existing = plan.ReadText(path);
        var edit = TaskRunnerFile.Merge(existing, shown);
        if (!edit.Changed)
        {
            return;
        }

        var names = string.Join(", ", edit.Added.Concat(edit.Updated));
        if (edit.HasComments)
        {
            plan.Note($"{shown} has comments, which rewriting it would lose, so it was left alone; add the tasks {names} as 'session install --dry-run' shows them");
            return;
        }

        plan.Write(path, edit.Text!, existing is null ? $"created {shown} with SessionHooks' tasks" : $"added or updated tasks in {shown}: {names}");
    }

    private static void Config(InstallPlan plan, HooksLocation location, string hooksFolder)
    {
        if (location.SetHooksPath)
        {
            plan.SetConfig(InstallLayout.HooksPathKey, InstallLayout.HuskyFolder, $"set {InstallLayout.HooksPathKey} = {InstallLayout.HuskyFolder} (local git config)");
            plan.SetConfig(InstallLayout.SetHooksPathKey, "true", $"set {InstallLayout.SetHooksPathKey} = true (so uninstall unsets core.hooksPath)");
        }

        plan.SetConfig(InstallLayout.HooksDirKey, hooksFolder, $"set {InstallLayout.HooksDirKey} = {hooksFolder}");
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
