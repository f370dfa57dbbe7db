using System.Diagnostics;
using SessionHooks.Diagnostics;
using SessionHooks.Records;
using SessionHooks.Validation;

namespace SessionHooks.Tests.Validation;

public class SchemaValidatorTests
{
    private const string Sessions = """
        {
          "schema_version": 2,
          "knowledge_cache": [],
          "context_notes": [],
          "sessions": [
            {
              "id": "20261121-k3f9q",
              "title": "t",
              "type": "robot",
              "status": "active",
              "created": "2026-11-21T09:00:00Z",
              "last_updated": 5,
              "issues": [],
              "related_sessions": [],
              "knowledge_cache": [],
              "context_notes": [],
              "backlog": [],
              "sumary": "typo"
            },
            {
              "id": "bad"
            }
          ]
        }
        """;

    [Test]
    public void EveryProblem_IsOneDiagnostic_SortedByPosition_NamingThePropertyAndWhatItMustBe()
    {
        var diagnostics = SchemaValidator.Shared.Validate(SessionFileKind.AiSessions, Sessions, "a.json");

        var rendered = diagnostics.Select(d => d.Render()).ToList();
        Assert.That(rendered.Take(4), Is.EqualTo(new[]
        {
            "a.json(9,15): error SH2003: 'sessions[0].type' is \"robot\"; expected one of: development, user, system, integration (fix: use one of the values the schema lists)",
            "a.json(12,23): error SH2002: 'sessions[0].last_updated' must be a string, not a number (expected a UTC timestamp: ISO 8601 with a Z suffix, such as 2026-11-21T19:52:03Z) (fix: give the value the type the schema asks for)",
            "a.json(18,7): warning SH2005: 'sessions[0]' has the unknown property 'sumary'; did you mean 'summary'? (fix: rename it to 'summary'; unknown properties are kept but not read)",
            "a.json(20,5): error SH2001: 'sessions[1]' lacks the required property 'title' (fix: add the property; 'session validate' lists every problem)",
        }));
        Assert.That(diagnostics.Where(d => d.Line == 20).Select(d => d.Code), Has.Exactly(10).EqualTo("SH2001"));
        Assert.That(diagnostics[^1].Render(), Does.StartWith("a.json(21,13): error SH2004: 'sessions[1].id' is \"bad\": expected a session id: the UTC date the session started (YYYYMMDD), a dash and five characters from 0-9 and a-z, such as 20261121-k3f9q"));
        Assert.That(diagnostics, Is.Ordered.By(nameof(Diagnostic.Line)));
    }

    [Test]
    public void SyntaxProblems_AreReportedByTheParsersChecks_BeforeAnySchemaError()
    {
        var diagnostics = SchemaValidator.Shared.Validate(SessionFileKind.AiSessions, Sessions.Replace("\"t\",", "\"t\"", StringComparison.Ordinal), "a.json");

        Assert.That(diagnostics.Single().Code, Is.EqualTo("SH1002"));
    }

    [Test]
    public void RepeatedPropertyName_IsOneDiagnosticAtTheSecondOne()
    {
        var diagnostics = SchemaValidator.Shared.Validate(SessionFileKind.Config, "{\n  \"schema_version\": 2,\n  \"schema_version\": 2\n}", "c.json");

        Assert.That(diagnostics.Single().Render(), Does.StartWith("c.json(3,3): error SH2099: the property 'schema_version' appears twice"));
    }

    [Test]
    public void Shared_IsOneInstance_EvenWhenFirstUsedFromManyThreads()
    {
        var instances = Enumerable.Range(0, 8).AsParallel().Select(_ => SchemaValidator.Shared).Distinct().ToList();

        Assert.That(instances, Has.Count.EqualTo(1));
    }

    [Test]
    public void EveryShippedSchema_IsEmbedded()
    {
        Assert.That(SchemaText.FileNames, Has.Count.EqualTo(5));
        foreach (var name in SchemaText.FileNames)
        {
            Assert.That(SchemaText.Of(name), Does.Contain($"\"$id\": \"{name}\""));
        }
    }

    [Test]
    public void SchemaLoadTime_IsMeasured_ColdAndWarm()
    {
        var cold = Stopwatch.StartNew();
        var validator = SchemaValidator.Shared;
        validator.Validate(SessionFileKind.Config, "{\"schema_version\": 2}", "c.json");
        cold.Stop();
        var warm = Stopwatch.StartNew();
        var loaded = SchemaSet.Load();
        warm.Stop();
        var validate = Stopwatch.StartNew();
        validator.Validate(SessionFileKind.AiSessions, Sessions, "a.json");
        validate.Stop();

        TestContext.Out.WriteLine($"schemas: first use {cold.ElapsedMilliseconds} ms (cold, or already loaded by an earlier test), reload {warm.ElapsedMilliseconds} ms, one validation {validate.Elapsed.TotalMilliseconds:0.0} ms");
        Assert.That(loaded, Has.Count.EqualTo(4));
        Assert.That(warm.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)));
    }
}
