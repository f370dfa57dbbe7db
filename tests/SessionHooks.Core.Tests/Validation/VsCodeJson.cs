using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using SessionHooks.Testing;

namespace SessionHooks.Tests.Validation;

/// <summary>
/// VS Code's JSON language service (<c>vscode-json-languageservice</c>, through
/// <c>tests/editor/language-service.cjs</c>): what the editor shows for a file on disk, its schema
/// found by the file's own <c>$schema</c>, offline. Its npm packages are installed once per
/// lock file into <c>artifacts/editor/</c>. Without node and npm the tests fail: they are
/// part of the test suite, and <c>.ci/run</c> installs them.
/// </summary>
public static class VsCodeJson
{
    private static readonly string Source = Path.Combine(SchemaExamples.Folder, "..", "..", "tests", "editor");

    private static readonly Lazy<string> Installed = new(Install);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>What the editor shows for each file: its problems, and the hover and completion at the offsets asked.</summary>
    public static IReadOnlyList<EditorView> Open(params EditorRequest[] documents)
    {
        // Copied on every call, so the script under test is the one in the source tree, and placed
        // beside node_modules, where its require() finds the packages.
        var script = Path.Combine(Installed.Value, "language-service.cjs");
        File.Copy(Path.Combine(Source, "language-service.cjs"), script, overwrite: true);
        var result = Run("node", [script], Installed.Value, JsonSerializer.Serialize(new { documents }, Options));
        return JsonSerializer.Deserialize<EditorResponse>(result.StandardOutput, Options)!.Documents;
    }

    private static string Install()
    {
        var lockFile = Path.Combine(Source, "package-lock.json");
        var hash = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(lockFile)))[..16].ToLowerInvariant();
        var folder = Path.GetFullPath(Path.Combine(Source, "..", "..", "artifacts", "editor", hash));
        if (File.Exists(Path.Combine(folder, "node_modules", ".package-lock.json")))
        {
            return folder;
        }

        // Installed beside and moved into place, so an interrupted install is never taken for a finished one.
        var staging = folder + ".installing-" + Environment.ProcessId;
        Directory.CreateDirectory(staging);
        File.Copy(Path.Combine(Source, "package.json"), Path.Combine(staging, "package.json"), overwrite: true);
        File.Copy(lockFile, Path.Combine(staging, "package-lock.json"), overwrite: true);
        Run("npm", ["ci", "--no-audit", "--no-fund", "--ignore-scripts"], staging, null);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.Move(staging, folder);
        return folder;
    }

    private static ProcessResult Run(string program, string[] arguments, string folder, string? input)
    {
        ProcessResult result;
        try
        {
            result = ProcessRunner.Run(program, arguments, folder, standardInput: input, timeout: TimeSpan.FromMinutes(5));
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            Assert.Fail($"{program} is needed for the editor tests and could not be started ({exception.Message}): install Node.js and npm (Debian/Ubuntu: apt-get install nodejs npm); .ci/run does.");
            throw;
        }

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        return result;
    }

    private sealed record EditorResponse(List<EditorView> Documents);
}

/// <summary>A file to open, and where to ask for a hover and for completion (UTF-16 offsets, as the editor counts).</summary>
public sealed record EditorRequest(string Path, int[]? Hovers = null, int[]? Completions = null);

public sealed record EditorView(string Path, List<EditorProblem> Diagnostics, List<EditorHover> Hovers, List<EditorCompletion> Completions);

public sealed record EditorProblem(string Severity, string Message, EditorRange Range)
{
    public override string ToString() => $"({Range.Start.Line + 1},{Range.Start.Character + 1}) {Severity}: {Message}";
}

public sealed record EditorRange(EditorPosition Start, EditorPosition End);

/// <summary>Zero-based, as the language server protocol counts.</summary>
public sealed record EditorPosition(int Line, int Character);

public sealed record EditorHover(int Offset, string Text);

public sealed record EditorCompletion(int Offset, List<EditorCompletionItem> Items);

public sealed record EditorCompletionItem(string Label, string Documentation);
