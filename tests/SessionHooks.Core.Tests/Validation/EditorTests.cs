using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SessionHooks.Diagnostics;
using SessionHooks.Install;
using SessionHooks.Records;
using SessionHooks.Validation;
using SessionHooks.Testing;

namespace SessionHooks.Tests.Validation;

/// <summary>
/// What VS Code shows while a session file is typed (<see cref="VsCodeJson"/>): each file placed where
/// SessionHooks writes it, beside the schemas <c>session install</c> copies, found through the file's
/// own <c>$schema</c>. The editor agrees with <c>session validate</c> on where a problem is, and shows
/// each property's own title and description, and each allowed value's.
/// </summary>
public class EditorTests
{
    private const string Chunk = ".sessions/worklog/20261121-k3f9q/20261121T090000Z-7k2m9qx4.json";

    private static readonly JsonNode Core = Schema("core.schema.json");

    [Test]
    public void AcceptedFiles_ShowNoProblems_IncludingTheEarlierFormatThatValidateWarnsAbout()
    {
        var files = (from kind in Enum.GetValues<SessionFileKind>()
                     let folder = Path.Combine(SchemaExamples.Folder, SchemaExamples.KindFolder(kind))
                     from example in Directory.GetFiles(Path.Combine(folder, "valid"), "*.json").Append(Path.Combine(folder, "invalid", "format_version_1.json"))
                     select Place(kind, File.ReadAllText(example), Path.GetFileName(example))).ToList();

        var views = VsCodeJson.Open([.. files.Select(f => new EditorRequest(f))]);

        Assert.That(views.Where(v => v.Diagnostics.Count > 0).Select(v => $"{v.Path}: {string.Join("; ", v.Diagnostics)}"), Is.Empty);
        Assert.That(views, Has.Count.EqualTo(files.Count).And.Count.GreaterThanOrEqualTo(12));
    }

    /// <summary>
    /// Every invalid example is a problem in the editor exactly when validate finds it breaks the
    /// schema (or is no JSON), and the editor shows one where validate places it. Rules a schema
    /// cannot state (a secret pattern the linear-time engine refuses) and warnings are validate's alone.
    /// </summary>
    [Test]
    public void InvalidExamples_AreProblemsInTheEditor_ExactlyWhereValidateFindsTheSchemaBroken()
    {
        var examples = SchemaExamples.Invalid().Select(c => c.Arguments).Select(a => (Kind: (SessionFileKind)a[0]!, File: (string)a[1]!, Line: (int)a[3]!, Column: (int)a[4]!)).ToList();
        var paths = examples.Select(e => Place(e.Kind, File.ReadAllText(e.File), Path.GetFileNameWithoutExtension(e.File))).ToList();

        var views = VsCodeJson.Open([.. paths.Select(p => new EditorRequest(p))]);

        var disagreements = new List<string>();
        foreach (var ((kind, file, line, column), view) in examples.Zip(views))
        {
            var findings = SchemaValidator.Shared.Check(kind, File.ReadAllBytes(view.Path), view.Path, SessionFileParser.DefaultMaxBytes);
            var broken = findings.Any(f => f.Diagnostic.Severity == Severity.Error && f.Source is FindingSource.Schema or FindingSource.Version or FindingSource.Syntax);
            var starts = view.Diagnostics.Select(d => (d.Range.Start.Line + 1, d.Range.Start.Character + 1)).ToList();
            if (broken != starts.Count > 0 || (broken && !starts.Contains((line, column))))
            {
                disagreements.Add($"{Path.GetFileName(file)}: validate {(broken ? $"breaks the schema at ({line},{column})" : "finds the schema kept")}; VS Code: {string.Join("; ", view.Diagnostics)}");
            }
        }

        Assert.That(disagreements, Is.Empty);
        Assert.That(views.Count(v => v.Diagnostics.Count > 0), Is.GreaterThan(90), "the comparison covers the schemas' rules");
    }

    [Test]
    public void BadEnumValue_IsOneProblemOverTheValue_WhereValidateReportsIt()
    {
        var text = First("\"status\": \"active\"").Replace(Example(SessionFileKind.AiSessions), "\"status\": \"sleeping\"", 1);

        var (problem, ours, covered) = OneProblem(SessionFileKind.AiSessions, text);

        Assert.That(ours.Code, Is.EqualTo("SH2003"));
        Assert.That(covered, Is.EqualTo("\"sleeping\""));
        Assert.That(problem.Message, Does.Contain("\"active\", \"handoff\", \"completed\", \"abandoned\""));
    }

    [Test]
    public void BadTimestamp_IsOneProblemOverTheValue_SayingTheSchemasErrorMessage()
    {
        var text = First("\"time\": \"[^\"]*\"").Replace(Example(SessionFileKind.Worklog), "\"time\": \"yesterday\"", 1);

        var (problem, ours, covered) = OneProblem(SessionFileKind.Worklog, text);

        Assert.That(ours.Code, Is.EqualTo("SH2004"));
        Assert.That(covered, Is.EqualTo("\"yesterday\""));
        Assert.That(problem.Message, Is.EqualTo(Core["definitions"]!["timestamp"]!["errorMessage"]!.GetValue<string>()));
    }

    [Test]
    public void MissingProperty_IsOneProblem_WhereValidateReportsIt()
    {
        var text = First("\n *\"created\": \"[^\"]*\",").Replace(Example(SessionFileKind.AiSessions), "", 1);

        var (problem, ours, _) = OneProblem(SessionFileKind.AiSessions, text);

        Assert.That(ours.Code, Is.EqualTo("SH2001"));
        Assert.That(problem.Message, Is.EqualTo("Missing property \"created\"."));
    }

    [Test]
    public void Hover_ShowsThePropertysOwnTitleAndDescription()
    {
        var sessions = Place(SessionFileKind.AiSessions, Example(SessionFileKind.AiSessions));
        var worklog = Place(SessionFileKind.Worklog, Example(SessionFileKind.Worklog));
        var session = Schema("ai_sessions.schema.json")["definitions"]!["session"]!["properties"]!;
        var entry = Schema("worklog.schema.json")["definitions"]!["entry"]!["properties"]!;

        var views = VsCodeJson.Open(
            new EditorRequest(sessions, Hovers: [NameOf(sessions, "created"), NameOf(sessions, "status")]),
            new EditorRequest(worklog, Hovers: [NameOf(worklog, "kind")]));

        var hovers = views.SelectMany(v => v.Hovers).Select(h => Unescape(h.Text)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(hovers[0], Does.StartWith(Expected(session["created"]!)));
            Assert.That(hovers[1], Does.StartWith(Expected(session["status"]!)));
            Assert.That(hovers[2], Does.StartWith(Expected(entry["kind"]!)));
        });
    }

    [Test]
    public void CompletionOfAnEntrysKind_OffersEveryKind_WithItsDescription()
    {
        var worklog = Place(SessionFileKind.Worklog, Example(SessionFileKind.Worklog));
        var kind = File.ReadAllText(worklog).IndexOf("\"kind\": \"", StringComparison.Ordinal) + "\"kind\": \"".Length;
        var definition = Core["definitions"]!["worklog_kind"]!;

        var items = VsCodeJson.Open(new EditorRequest(worklog, Completions: [kind]))[0].Completions[0].Items;

        var offered = items.ToDictionary(i => i.Label.Trim('"'), i => i.Documentation, StringComparer.Ordinal);
        var kinds = definition["enum"]!.AsArray().Select(k => k!.GetValue<string>()).ToList();
        var descriptions = definition["markdownEnumDescriptions"]!.AsArray().Select(d => d!.GetValue<string>()).ToList();
        Assert.That(offered.Keys, Is.EquivalentTo(kinds));
        Assert.That(kinds.Select(k => offered[k]), Is.EqualTo(descriptions));
        Assert.That(Enum.GetValues<WorklogKind>(), Has.Length.EqualTo(kinds.Count), "the schema lists every kind SessionHooks knows");
    }

    /// <summary>The one problem VS Code shows, and the one error <c>session validate</c> reports, at the same place.</summary>
    private static (EditorProblem Problem, Diagnostic Ours, string Covered) OneProblem(SessionFileKind kind, string text)
    {
        var path = Place(kind, text);
        text = File.ReadAllText(path);
        var problems = VsCodeJson.Open(new EditorRequest(path))[0].Diagnostics;
        var ours = SchemaValidator.Shared.Validate(kind, text, path);

        Assert.That(problems, Has.Count.EqualTo(1), string.Join("\n", problems));
        Assert.That(ours, Has.Count.EqualTo(1), string.Join("\n", ours.Select(d => d.Render())));
        var start = problems[0].Range.Start;
        Assert.That((start.Line + 1, start.Character + 1), Is.EqualTo((ours[0].Line, ours[0].Column)), $"VS Code: {problems[0]}; SessionHooks: {ours[0].Render()}");
        return (problems[0], ours[0], Covered(text, problems[0]));
    }

    /// <summary>
    /// Writes the file where SessionHooks keeps a file of its kind, in a folder of its own with the
    /// schemas install copies, its <c>$schema</c> the one SessionHooks writes there.
    /// </summary>
    private static string Place(SessionFileKind kind, string text, string? name = null)
    {
        var root = TestDirectory.Create(name);
        foreach (var schema in SchemaCopies.Names)
        {
            var copy = Path.Combine(root, RecordPaths.SchemasFolder, schema);
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.WriteAllText(copy, SchemaCopies.Text(schema));
        }

        var repoPath = kind == SessionFileKind.Worklog ? Chunk : kind.RepoPath();
        var reference = "\"$schema\": \"" + RecordPaths.SchemaReference(kind, repoPath) + "\"";
        text = text.Contains("\"$schema\"", StringComparison.Ordinal)
            ? Regex.Replace(text, "\"\\$schema\": \"[^\"]*\"", reference, RegexOptions.None, TimeSpan.FromSeconds(1))
            : "{\n  " + reference + "," + text.TrimStart()[1..];
        var path = Path.Combine(root, repoPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Example(SessionFileKind kind) =>
        File.ReadAllText(Path.Combine(SchemaExamples.Folder, SchemaExamples.KindFolder(kind), "valid", "full.json"));

    private static Regex First(string pattern) => new(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));

    private static JsonNode Schema(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(SchemaExamples.Folder, "..", name)))!;

    /// <summary>The offset of the first property named <paramref name="name"/> in the file, inside its name, where a pointer would rest.</summary>
    private static int NameOf(string path, string name) => File.ReadAllText(path).IndexOf($"\"{name}\"", StringComparison.Ordinal) + 2;

    private static string Covered(string text, EditorProblem problem)
    {
        var lines = text.Split('\n');
        var (start, end) = (problem.Range.Start, problem.Range.End);
        Assert.That(end.Line, Is.EqualTo(start.Line), problem.ToString());
        return lines[start.Line][start.Character..end.Character];
    }

    /// <summary>What a hover over the property should begin with: its title, then its description (the Markdown one where it has one).</summary>
    private static string Expected(JsonNode property) =>
        $"{property["title"]!.GetValue<string>()}\n\n{(property["markdownDescription"] ?? property["description"])!.GetValue<string>()}";

    /// <summary>Hover text is Markdown: the service escapes the punctuation of a plain description.</summary>
    private static string Unescape(string markdown) => Regex.Replace(markdown, @"\\([\\`*_{}\[\]()#+\-.!<>|])", "$1", RegexOptions.None, TimeSpan.FromSeconds(1));
}
