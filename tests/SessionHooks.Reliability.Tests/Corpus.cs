using System.Text;

namespace SessionHooks.Reliability.Tests;

/// <summary>
/// The malformed and hostile session files: the committed ones in <c>tests/corpus/&lt;kind&gt;/</c>,
/// and the huge ones made here, at run time, rather than committed.
/// </summary>
public static class Corpus
{
    public static readonly string[] Kinds = ["ai_sessions", "worklog", "current_session", "config"];

    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "corpus");

    private static readonly string[] Generated = ["huge_50mb", "nested_10000_deep", "very_long_string", "very_long_key"];

    /// <summary>Every variant name, each with the kinds it exists for.</summary>
    public static IEnumerable<(string Name, string[] Kinds)> Variants() =>
        Kinds.SelectMany(k => Names(k).Select(n => (Kind: k, Name: n)))
            .GroupBy(v => v.Name)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Select(v => v.Kind).ToArray()));

    public static IEnumerable<string> Names(string kind) =>
        Directory.EnumerateFiles(Path.Combine(Folder, kind), "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Concat(Generated)
            .OrderBy(n => n, StringComparer.Ordinal);

    public static byte[] Load(string kind, string name)
    {
        var valid = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", kind, "valid", "full.json"));
        return name switch
        {
            // 50 MB is under the parser's cap, so the file is also cut short: the error is 50 MB in.
            "huge_50mb" => Encoding.UTF8.GetBytes(Replace(valid, "\"schema_version\": 2", "\"schema_version\": 2, \"padding\": \"" + new string('x', 50 * 1024 * 1024) + "\"").TrimEnd()[..^1]),
            "nested_10000_deep" => Encoding.UTF8.GetBytes(Replace(valid, "\"schema_version\": 2", "\"schema_version\": 2, \"deep\": " + new string('[', 10_000) + new string(']', 10_000))),
            "very_long_string" => Encoding.UTF8.GetBytes(Replace(valid, "\"schema_version\": 2", "\"schema_version\": \"" + new string('v', 300_000) + "\"")),
            "very_long_key" => Encoding.UTF8.GetBytes(Replace(valid, "\"schema_version\": 2", "\"schema_version\": 2, \"" + new string('k', 300_000) + "\": [1, 1, 1], \"schema_version\": \"x\"")),
            _ => File.ReadAllBytes(Path.Combine(Folder, kind, name + ".json")),
        };
    }

    private static string Replace(string text, string what, string with) =>
        text.Contains(what, StringComparison.Ordinal) ? text.Replace(what, with, StringComparison.Ordinal) : throw new InvalidDataException(what);
}
