using System.Text;
using SessionHooks.Diagnostics;
using SessionHooks.Records;

namespace SessionHooks.Tests.Formats;

public class SessionFileParserTests
{
    private const string Worklog = """
        {
          "schema_version": 2,
          "entries": [
            { "id": "20261121T090000Z-7k2m9qx4", "session": "20261121-k3f9q", "time": "2026-11-21T09:00:00Z", "kind": "note", "text": "ünïcode" }
          ]
        }
        """;

    [Test]
    public void GoodFile_IsReadWithoutDiagnostics()
    {
        var result = SessionFileParser.ParseWorklog(Encoding.UTF8.GetBytes(Worklog), "w.json");

        Assert.That(result.Diagnostics, Is.Empty);
        Assert.That(result.Value!.Entries.Single().Text, Is.EqualTo("ünïcode"));
    }

    [Test]
    public void EmptyFile_IsOneEmptyFileError()
    {
        var diagnostic = Single(SessionFileParser.ParseWorklog([], "w.json"));

        Assert.That(diagnostic.Render(), Is.EqualTo("w.json(1,1): error SH1008: the file is empty (fix: delete the file to start afresh, or run 'session recover' to rebuild it)"));
    }

    [Test]
    public void WhiteSpaceOnlyFile_IsAnEmptyFileError() =>
        Assert.That(Single(SessionFileParser.ParseWorklog(" \n\r\n"u8, "w.json")).Code, Is.EqualTo("SH1008"));

    [Test]
    public void ByteOrderMark_IsReadWithOneWarning()
    {
        var result = SessionFileParser.ParseWorklog([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(Worklog)], "w.json");

        Assert.That(result.Value, Is.Not.Null);
        var diagnostic = result.Diagnostics.Single();
        Assert.That((diagnostic.Code, diagnostic.Severity, diagnostic.Line, diagnostic.Column), Is.EqualTo(("SH1005", Severity.Warning, 1, 1)));
    }

    [Test]
    public void InvalidUtf8_IsReportedWithItsByteOffsetLineAndColumn()
    {
        var bytes = Encoding.UTF8.GetBytes(Worklog.Replace("ünïcode", "ab\u0001cd", StringComparison.Ordinal));
        var at = Array.IndexOf(bytes, (byte)1);
        bytes[at] = 0xFF;

        var diagnostic = Single(SessionFileParser.ParseWorklog(bytes, "w.json"));

        Assert.That((diagnostic.Code, diagnostic.Line, diagnostic.Column), Is.EqualTo(("SH1004", 4, 130)));
        Assert.That(diagnostic.Message, Is.EqualTo($"byte 0xff at offset {at} is not valid UTF-8"));
    }

    [Test]
    public void TruncatedFile_IsASyntaxErrorAtItsEnd()
    {
        var text = Worklog[..Worklog.IndexOf("\"kind\"", StringComparison.Ordinal)];

        var diagnostic = Single(SessionFileParser.ParseWorklog(Encoding.UTF8.GetBytes(text), "w.json"));

        Assert.That((diagnostic.Code, diagnostic.Line), Is.EqualTo(("SH1002", 4)));
        Assert.That(diagnostic.Message, Does.Contain("truncated"));
    }

    [Test]
    public void SyntaxError_IsReportedAtItsLineAndColumn()
    {
        var text = Worklog.Replace("\"entries\": [", "\"entries\" [", StringComparison.Ordinal);

        var diagnostic = Single(SessionFileParser.ParseWorklog(Encoding.UTF8.GetBytes(text), "w.json"));

        Assert.That((diagnostic.Code, diagnostic.Line, diagnostic.Column), Is.EqualTo(("SH1002", 3, 13)), diagnostic.Render());
    }

    [Test]
    public void TenThousandDeepNesting_IsOneNestingError_WhereItGoesTooDeep()
    {
        var text = "{\"schema_version\": 2, \"entries\": " + new string('[', 10_000) + new string(']', 10_000) + "}";

        var diagnostic = Single(SessionFileParser.ParseWorklog(Encoding.UTF8.GetBytes(text), "w.json"));

        // The root object is level 1; the 64th '[' opens level 65.
        Assert.That((diagnostic.Code, diagnostic.Line, diagnostic.Column), Is.EqualTo(("SH1007", 1, 34 + 63)), diagnostic.Render());
    }

    [Test]
    public void ConflictMarkedFile_IsOneConflictError_AtTheMarker()
    {
        var text = "{\n  \"schema_version\": 2,\n<<<<<<< HEAD\n  \"entries\": []\n=======\n  \"entries\": [1]\n>>>>>>> other\n}\n";

        var diagnostic = Single(SessionFileParser.ParseWorklog(Encoding.UTF8.GetBytes(text), "w.json"));

        Assert.That((diagnostic.Code, diagnostic.Line, diagnostic.Column), Is.EqualTo(("SH1003", 3, 1)));
    }

    [Test]
    public void TooLargeFile_IsRefusedBeforeReading()
    {
        var diagnostic = Single(SessionFileParser.ParseWorklog(Encoding.UTF8.GetBytes(Worklog), "w.json", maxBytes: 100));

        Assert.That(diagnostic.Code, Is.EqualTo("SH1006"));
    }

    [Test]
    public void FutureSchemaVersion_IsRefused_AtTheVersion()
    {
        var text = Worklog.Replace("\"schema_version\": 2", "\"schema_version\": 7", StringComparison.Ordinal);

        var diagnostic = Single(SessionFileParser.ParseWorklog(Encoding.UTF8.GetBytes(text), "w.json"));

        Assert.That((diagnostic.Code, diagnostic.Line, diagnostic.Column), Is.EqualTo(("SH1010", 2, 21)));
        Assert.That(diagnostic.Message, Does.Contain("7").And.Contain("newer"));
    }

    [TestCase("\"schema_version\": \"1\"", 2, 21)]
    [TestCase("\"schema_version\": 1.5", 2, 21)]
    [TestCase("\"schema_version\": null", 2, 21)]
    [TestCase("\"unrelated\": 1", 1, 1)]
    public void MissingOrNonIntegerSchemaVersion_IsAnInvalidVersion(string replacement, int line, int column)
    {
        var text = Worklog.Replace("\"schema_version\": 2", replacement, StringComparison.Ordinal);

        var diagnostic = Single(SessionFileParser.ParseWorklog(Encoding.UTF8.GetBytes(text), "w.json"));

        Assert.That((diagnostic.Code, diagnostic.Line, diagnostic.Column), Is.EqualTo(("SH1011", line, column)), diagnostic.Render());
    }

    [Test]
    public void WrongTypeInTheModel_IsReportedAtTheBadValue_InTheFilesTerms()
    {
        var text = Worklog.Replace("\"kind\": \"note\"", "\"kind\": \"thought\"", StringComparison.Ordinal);

        var diagnostic = Single(SessionFileParser.ParseWorklog(Encoding.UTF8.GetBytes(text), "w.json"));

        Assert.That((diagnostic.Code, diagnostic.Line, diagnostic.Column), Is.EqualTo(("SH2002", 4, 111)), diagnostic.Render());
        Assert.That(diagnostic.Message, Does.StartWith("entries[0].kind: expected one of: commit, merge, event").And.Not.Contain("SessionHooks.Records"));
    }

    [Test]
    public void MalformedTimestamp_SaysWhatItExpected()
    {
        var text = Worklog.Replace("2026-11-21T09:00:00Z", "yesterday", StringComparison.Ordinal);

        var diagnostic = Single(SessionFileParser.ParseWorklog(Encoding.UTF8.GetBytes(text), "w.json"));

        Assert.That((diagnostic.Code, diagnostic.Line), Is.EqualTo(("SH2002", 4)));
        Assert.That(diagnostic.Message, Does.Contain("entries[0].time").And.Contain("2026-11-21T19:52:03Z"));
    }

    [TestCase("[]", "an array")]
    [TestCase("null", "null")]
    [TestCase("\"text\"", "a string")]
    public void NonObjectFile_IsOneWrongTypeError(string json, string found) =>
        Assert.That(Single(SessionFileParser.ParseConfig(Encoding.UTF8.GetBytes(json), "c.json")).Message, Does.Contain(found));

    [TestCaseSource(nameof(HostileInputs))]
    public void HostileInput_NeverThrows_AndGivesOneLineDiagnosticsWithALocation(byte[] bytes)
    {
        foreach (var parse in new Func<byte[], IReadOnlyList<Diagnostic>>[]
        {
            b => SessionFileParser.ParseAiSessions(b, "x.json").Diagnostics,
            b => SessionFileParser.ParseWorklog(b, "x.json").Diagnostics,
            b => SessionFileParser.ParseCurrentSession(b, "x.json").Diagnostics,
            b => SessionFileParser.ParseConfig(b, "x.json").Diagnostics,
        })
        {
            var diagnostics = parse(bytes);
            Assert.That(diagnostics.Count(d => d.Severity == Severity.Error), Is.EqualTo(1), string.Join("\n", diagnostics));
            Assert.That(diagnostics.Select(d => d.Render()), Has.All.StartWith("x.json(").And.Not.Contain("\n").And.Not.Contain("   at "));
        }
    }

    private static IEnumerable<byte[]> HostileInputs() =>
    [
        "{"u8.ToArray(),
        "{\"schema_version\": 2,}"u8.ToArray(),
        "{\"schema_version\": 99999999999999999999}"u8.ToArray(),
        "{\"schema_version\": 2} {}"u8.ToArray(),
        "\0\0\0"u8.ToArray(),
        [0xC3, 0x28],
        [0xEF, 0xBB, 0xBF],
        Encoding.UTF8.GetBytes("{\"schema_version\": 2, \"a\": \"" + new string('x', 100) + "\n\"}"),
        Encoding.UTF8.GetBytes(new string('{', 5_000)),
        Encoding.UTF8.GetBytes("{\"schema_version\": 2, \"sessions\": {\"x\": 1}, \"entries\": 5, \"metadata\": 5, \"rules\": 5}"),
    ];

    private static Diagnostic Single<T>(LoadResult<T> result)
        where T : class
    {
        Assert.That(result.Value, Is.Null);
        Assert.That(result.Diagnostics, Has.Count.EqualTo(1), string.Join("\n", result.Diagnostics.Select(d => d.Render())));
        Assert.That(result.Diagnostics[0].Render(), Does.Not.Contain("\n"));
        return result.Diagnostics[0];
    }
}
