using LibGit2Sharp;
using SessionHooks.Diagnostics;

namespace SessionHooks.Git;

internal sealed partial class GitRepository
{
    private Configuration? configuration;

    /// <summary>
    /// The repository's configuration files in git's order, read by libgit2. Built here rather than
    /// taken from LibGit2Sharp's <c>Repository.Config</c>, which reads a linked worktree's local config
    /// from the worktree's own git dir instead of the shared one, and ignores git's variables.
    /// </summary>
    private Configuration Configuration => configuration ??= BuildConfiguration(CommonDir);

    /// <summary>The value in the repository's local config (<c>.git/config</c>), or null when unset.</summary>
    public string? GetConfig(string key) => ReadConfig(() => Configuration.Get<string>(key, ConfigurationLevel.Local)?.Value, key);

    /// <summary>The value git itself would use (local, global or system), or null when unset.</summary>
    /// <param name="asPath">Expands <c>~/</c> as git does for path-valued keys such as <c>core.hooksPath</c>.</param>
    public string? GetEffectiveConfig(string key, bool asPath = false)
    {
        var value = ReadConfig(() => Configuration.Get<string>(key)?.Value, key);
        return asPath && value is not null && value.StartsWith("~/", StringComparison.Ordinal) && Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } home
            ? Path.Combine(home, value[2..])
            : value;
    }

    /// <summary>Sets the value in the local config.</summary>
    public void SetConfig(string key, string value) =>
        ReadConfig(() => { Configuration.Set(key, value, ConfigurationLevel.Local); return ""; }, key);

    /// <summary>Removes every value of the key from the local config; true when it was set.</summary>
    public bool UnsetConfig(string key)
    {
        if (GetConfig(key) is null)
        {
            return false;
        }

        ReadConfig(() => Configuration.UnsetAll(key, ConfigurationLevel.Local) ? "" : null, key);
        return true;
    }

    private T ReadConfig<T>(Func<T> read, string key)
    {
        try
        {
            return read();
        }
        catch (LibGit2SharpException exception)
        {
            throw new SessionHooksException(DiagnosticCatalog.InternalError.ForFile(
                Path.Combine(CommonDir, "config"), $"git config {key} failed: {OneLine(exception.Message)}"), exception);
        }
    }

    /// <summary>
    /// The local, global, XDG and system files, found as git finds them: <c>GIT_CONFIG_GLOBAL</c>,
    /// <c>GIT_CONFIG_SYSTEM</c> and <c>GIT_CONFIG_NOSYSTEM</c> are honoured, and <c>HOME</c> is read
    /// now, not when libgit2 was loaded. A file that does not exist adds nothing.
    /// </summary>
    private static Configuration BuildConfiguration(string commonDir)
    {
        var home = Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } h ? h : null;
        var nowhere = StatePaths.Of(commonDir).NoConfig;
        var global = Variable("GIT_CONFIG_GLOBAL") ?? (home is null ? nowhere : Path.Combine(home, ".gitconfig"));
        var xdgHome = Variable("XDG_CONFIG_HOME") ?? (home is null ? null : Path.Combine(home, ".config"));
        var xdg = xdgHome is null ? nowhere : Path.Combine(xdgHome, "git", "config");
        var system = IsTrue(Variable("GIT_CONFIG_NOSYSTEM")) ? nowhere : Variable("GIT_CONFIG_SYSTEM") ?? "/etc/gitconfig";
        return Configuration.BuildFrom(Path.Combine(commonDir, "config"), global, xdg, OperatingSystem.IsWindows() ? null : system);
    }

    /// <summary><c>core.worktree</c> from the local config, read before the repository is set up.</summary>
    private static string? ConfiguredWorktree(string commonDir)
    {
        using var config = BuildConfiguration(commonDir);
        return config.Get<string>("core.worktree", ConfigurationLevel.Local)?.Value;
    }

    private static string? Variable(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

    private static bool IsTrue(string? value) =>
        value is not null && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("yes", StringComparison.OrdinalIgnoreCase) || value.Equals("on", StringComparison.OrdinalIgnoreCase));
}
