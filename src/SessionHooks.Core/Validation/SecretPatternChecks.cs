using System.Text.Json;
using System.Text.Json.Nodes;
using SessionHooks.Diagnostics;
using SessionHooks.Records;
using SessionHooks.Secrets;

namespace SessionHooks.Validation;

/// <summary>
/// config.json's <c>secret_patterns</c> must each be a regular expression the linear-time engine
/// takes (<see cref="RepositoryPatterns"/>): one it refuses is reported at its place in the file
/// (SH2006), because every command that writes text would otherwise stop on it.
/// </summary>
internal static class SecretPatternChecks
{
    public static List<Diagnostic> Check(ReadOnlySpan<byte> json, LineIndex lines, string displayPath)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = JsonSyntaxScan.MaxDepth });
        }
        catch (JsonException)
        {
            return [];
        }

        if (root?["secret_patterns"] is not JsonArray items)
        {
            return [];
        }

        // Items that are not strings break the schema, which says so; here they are left out.
        var patterns = items.Select(i => i?.GetValueKind() == JsonValueKind.String ? i.GetValue<string>() : null).ToList();
        var strings = Enumerable.Range(0, patterns.Count).Where(i => patterns[i] is not null).ToList();
        var compiled = RepositoryPatterns.Compile([.. strings.Select(i => patterns[i])], SecretRedactor.Budget);
        if (compiled.Problems.Count == 0)
        {
            return [];
        }

        // Empty patterns are the schema's to report (minLength).
        var problems = compiled.Problems.Where(p => p.Pattern.Length > 0).Select(p => p with { Index = strings[p.Index] }).ToList();
        var paths = problems.Select(p => Path(p.Index)).ToList();
        var spots = JsonLocator.Locate(json, paths, JsonPathStyle.JsonSchema);
        var diagnostics = new List<Diagnostic>();
        foreach (var problem in problems)
        {
            var offset = spots.TryGetValue(Path(problem.Index), out var spot) ? spot.Offset : 0;
            var (line, column) = lines.At(json, offset);
            diagnostics.Add(DiagnosticCatalog.SecretPatternUnusable.At(displayPath, line, column,
                $"secret_patterns[{problem.Index}] {problem.Reason}"));
        }

        return diagnostics;
    }

    private static string Path(int index) => JsonLocator.Index(JsonLocator.Property(JsonPathStyle.JsonSchema, JsonLocator.Root(JsonPathStyle.JsonSchema), "secret_patterns"), index);
}
