using System.Diagnostics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SessionHooks.Diagnostics;
using SessionHooks.Records;
using SessionHooks.Validation;

namespace SessionHooks.Tests.Validation;

/// <summary>
/// SessionHooks' verdict on every file equals an independent draft-07 validator's (JsonSchema.Net
/// 8.0.5, see <see cref="Draft07Oracle"/>): valid or not, and which values fail. Over the schema
/// examples, the hostile corpus and thousands of mutations of the valid examples, each of which
/// changes one thing: removes a value, gives it another type, or bends it the ways the standard is
/// easy to get wrong (a trailing newline, a non-ASCII digit, a surrogate pair, 1.0 for 1, a number
/// just past a limit).
/// </summary>
public class OracleTests
{
    private const int MinimumMutations = 5000;

    private static readonly Stopwatch Ours = new();
    private static readonly Stopwatch Theirs = new();

    private static readonly Lazy<Draft07Oracle> Oracle = new(() => new Draft07Oracle(
        new[] { "core.schema.json" }.Concat(Enum.GetValues<SessionFileKind>().Select(k => k.SchemaName()))
            .Select(name => (name, File.ReadAllText(Path.Combine(SchemaExamples.Folder, "..", name))))));

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [TestCaseSource(typeof(Draft07Cases), nameof(Draft07Cases.All))]
    public void Oracle_AnswersTheStandardsCases_OrDepartsWhereItsDotNetHeritageShows(Draft07Case test)
    {
        var oracle = new Draft07Oracle([("b.schema.json", Draft07Cases.Referred), ("a.schema.json", test.Schema)]);

        var verdict = oracle.Judge("a.schema.json", Encoding.UTF8.GetBytes(test.Instance));

        if (test.OracleDeparts is null)
        {
            Assert.That(verdict.Pointers, Is.EqualTo(test.Failing), $"{test.Schema} with {test.Instance}: {verdict}");
        }
        else
        {
            // Asserted, so that a JsonSchema.Net that stops departing is noticed and the case moves back.
            Assert.That(verdict.Pointers, Is.Not.EqualTo(test.Failing), test.OracleDeparts);
            TestContext.Out.WriteLine($"JsonSchema.Net departs from draft-07 here: {test.OracleDeparts}; SessionHooks and VS Code answer {(test.Failing.Length == 0 ? "valid" : "invalid")}");
        }
    }

    [Test]
    public void TheExamplesAndTheCorpus_GetTheOraclesVerdict()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var kind in Enum.GetValues<SessionFileKind>())
        {
            var folder = SchemaExamples.KindFolder(kind);
            var files = new[] { "valid", "invalid" }
                .SelectMany(sub => Directory.GetFiles(Path.Combine(SchemaExamples.Folder, folder, sub), "*.json"))
                .Concat(Directory.GetFiles(Path.Combine(SchemaExamples.Folder, "..", "..", "tests", "corpus", folder), "*.json"))
                .Where(f => Path.GetFileName(f) != "expected.json")
                .Order(StringComparer.Ordinal);
            foreach (var file in files)
            {
                var outcome = Compare(kind, File.ReadAllBytes(file), file);
                counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
            }
        }

        TestContext.Out.WriteLine(string.Join("; ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}: {c.Value}")));
        Assert.That(counts.GetValueOrDefault("invalid, same values"), Is.GreaterThan(100), "the comparison covers the schemas' rules");
    }

    [Test]
    public void MutationsOfTheValidExamples_GetTheOraclesVerdict()
    {
        _ = Oracle.Value;
        _ = SchemaValidator.Shared.Validate(SessionFileKind.Config, "{}", "warm.json");
        var clock = Stopwatch.StartNew();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var mutations = 0;
        foreach (var kind in Enum.GetValues<SessionFileKind>())
        {
            var folder = Path.Combine(SchemaExamples.Folder, SchemaExamples.KindFolder(kind));
            var bases = Directory.GetFiles(Path.Combine(folder, "valid"), "*.json").Append(Path.Combine(folder, "invalid", "format_version_1.json"));
            foreach (var file in bases.Order(StringComparer.Ordinal))
            {
                foreach (var (what, mutant) in Mutations.Of(JsonNode.Parse(File.ReadAllText(file))!))
                {
                    mutations++;
                    var text = mutant.ToJsonString(Indented);
                    var outcome = Compare(kind, Encoding.UTF8.GetBytes(text), $"{Path.GetFileName(file)}, {what}:\n{text}");
                    counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
                }
            }
        }

        TestContext.Out.WriteLine($"{mutations} mutations in {clock.Elapsed.TotalSeconds:0.0} s (SessionHooks {Ours.Elapsed.TotalSeconds:0.0} s, JsonSchema.Net {Theirs.Elapsed.TotalSeconds:0.0} s): " +
            string.Join("; ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}: {c.Value}")));
        Assert.That(mutations, Is.GreaterThanOrEqualTo(MinimumMutations));
        Assert.That(counts.GetValueOrDefault("invalid, same values"), Is.GreaterThan(mutations / 3), "many mutations break the schemas, so the comparison covers their rules");
    }

    /// <summary>Asserts that SessionHooks and the oracle agree on the document; says how they did.</summary>
    private static string Compare(SessionFileKind kind, byte[] bytes, string what)
    {
        Ours.Start();
        var findings = SchemaValidator.Shared.Check(kind, bytes, "f.json", SessionFileParser.DefaultMaxBytes);
        Ours.Stop();
        if (findings.Any(f => f.Source == FindingSource.Rule && f.Diagnostic.Code == DiagnosticCatalog.SchemaViolation.Code))
        {
            // A property name twice in one object: RFC 8259 leaves its meaning open, so SessionHooks
            // refuses the file before any schema is asked.
            return "a name twice (refused before the schema)";
        }

        Theirs.Start();
        var oracle = Oracle.Value.Judge(kind.SchemaName(), bytes);
        Theirs.Stop();
        var ours = Verdict(findings);
        if (oracle.Unjudged is { } failure)
        {
            // The oracle's defect, not a verdict: it fails only on numbers beyond decimal's range, where
            // the standard (and SessionHooks) finds the value outside the enum it is compared with.
            Assert.That(Encoding.UTF8.GetString(bytes), Does.Match(@"[0-9][eE][+-]?[0-9]{3}|[0-9]{30}"), $"{what}\n{failure}");
            Assert.That(ours.Valid, Is.False, $"{what}\nSessionHooks: {ours}");
            return "JsonSchema.Net throws (a number beyond decimal in an enum)";
        }

        if (!ours.Valid && IntegralOnlyAsDouble(bytes, ours.Pointers.Except(oracle.Pointers).ToList()))
        {
            // The oracle's defect, not a verdict: JsonSchema.Net tests "integer" on the double nearest
            // the number, so 87600.000000000001 passes; draft-07 (and SessionHooks) compare exact values.
            Assert.That(oracle.Pointers, Is.SubsetOf(ours.Pointers), $"{what}\nSessionHooks: {ours}");
            return "JsonSchema.Net rounds to double (an integer with a fraction)";
        }

        Assert.That(ours.ToString(), Is.EqualTo(oracle.ToString()), $"{what}\nSessionHooks: {string.Join("\n", findings.Select(f => f.Diagnostic.Render()))}");
        return oracle.Refused ? "not JSON, both" : oracle.Valid ? "valid, both" : "invalid, same values";
    }

    /// <summary>True when every pointer names a number with a fraction that a double rounds away (87600.000000000001).</summary>
    private static bool IntegralOnlyAsDouble(byte[] bytes, List<string> pointers)
    {
        if (pointers.Count == 0)
        {
            return false;
        }

        var root = JsonNode.Parse(bytes);
        foreach (var pointer in pointers)
        {
            var node = root;
            foreach (var token in pointer.Split('/').Skip(1).Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)))
            {
                node = node is JsonArray array && int.TryParse(token, out var index) ? array[index] : node?[token];
            }

            if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number
                || !decimal.TryParse(value.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var exact)
                || exact == decimal.Truncate(exact)
                || Math.Floor(value.GetValue<double>()) != value.GetValue<double>())
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>SessionHooks' verdict: what the schema and the version policy say; rules beyond the schema and advice change nothing.</summary>
    private static Verdict Verdict(List<Finding> findings)
    {
        var errors = findings.Where(f => f.Diagnostic.Severity == Severity.Error).ToList();
        return errors.Any(f => f.Source == FindingSource.Syntax)
            ? Tests.Validation.Verdict.NotJson
            : new Verdict(false, [.. errors.Where(f => f.Source is FindingSource.Schema or FindingSource.Version).Select(f => f.Pointer!).Distinct().Order(StringComparer.Ordinal)]);
    }
}
