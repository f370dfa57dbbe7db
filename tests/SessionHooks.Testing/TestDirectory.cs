using NUnit.Framework;

namespace SessionHooks.Testing;

/// <summary>
/// One fresh directory per test: <c>$TMPDIR/SessionHooks.Tests/&lt;run&gt;/&lt;Class&gt;.&lt;Method&gt;</c>.
/// Kept after the run so every command and its output can be inspected.
/// </summary>
public static class TestDirectory
{
    private static readonly string RunRoot = Path.Combine(
        Path.GetTempPath(),
        "SessionHooks.Tests",
        DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture) + "-" + Environment.ProcessId);

    public static string Root => RunRoot;

    /// <summary>A new, empty directory named for the running test (and <paramref name="suffix"/>).</summary>
    public static string Create(string? suffix = null)
    {
        var test = TestContext.CurrentContext.Test;
        var className = test.ClassName?.Split('.').Last() ?? "Test";
        var name = Sanitize($"{className}.{test.MethodName ?? test.Name}{(suffix is null ? "" : "." + suffix)}");
        var path = Path.Combine(RunRoot, name);
        for (var i = 2; Directory.Exists(path); i++)
        {
            path = Path.Combine(RunRoot, $"{name}.{i}");
        }

        Directory.CreateDirectory(path);
        return path;
    }

    private static string Sanitize(string name) =>
        new(name.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());
}
