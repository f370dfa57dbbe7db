using System.Runtime.CompilerServices;
using System.Text.Json;
using SessionHooks.Records;

namespace SessionHooks.Tests.Validation;

/// <summary>The example files in <c>schemas/examples/&lt;kind&gt;/{valid,invalid}/</c>, with what each invalid one must produce.</summary>
public static class SchemaExamples
{
    public static string Folder { get; } = Path.Combine(RepositoryRoot(), "schemas", "examples");

    public static IEnumerable<TestCaseData> Valid() =>
        from kind in Enum.GetValues<SessionFileKind>()
        from file in Directory.GetFiles(Path.Combine(Folder, KindFolder(kind), "valid"), "*.json").Order(StringComparer.Ordinal)
        select new TestCaseData(kind, file).SetArgDisplayNames(KindFolder(kind), Path.GetFileName(file));

    public static IEnumerable<TestCaseData> Invalid()
    {
        foreach (var kind in Enum.GetValues<SessionFileKind>())
        {
            var folder = Path.Combine(Folder, KindFolder(kind), "invalid");
            using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "expected.json")));
            foreach (var example in expected.RootElement.EnumerateObject())
            {
                var value = example.Value;
                var severity = value.TryGetProperty("severity", out var s) ? s.GetString()! : "error";
                yield return new TestCaseData(kind, Path.Combine(folder, example.Name), value.GetProperty("code").GetString()!,
                        value.GetProperty("line").GetInt32(), value.GetProperty("column").GetInt32(), severity)
                    .SetArgDisplayNames(KindFolder(kind), example.Name);
            }
        }
    }

    public static string KindFolder(SessionFileKind kind) => Path.GetFileNameWithoutExtension(kind.FileName());

    private static string RepositoryRoot([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", ".."));
}
