using System.Text;
using SessionHooks.Validation;

namespace SessionHooks.Tests.Validation;

/// <summary>One draft-07 question: a schema, a document, and the standard's answer.</summary>
/// <param name="Failing">The JSON Pointers that fail; empty when the document is valid.</param>
/// <param name="OracleDeparts">Why JsonSchema.Net answers otherwise, when it does (its .NET heritage), or null.</param>
public sealed record Draft07Case(string Name, string Schema, string Instance, string[] Failing, string? OracleDeparts = null)
{
    public override string ToString() => Name;
}

/// <summary>
/// The cases the issue names (from JSON-Schema-Test-Suite draft7 and ECMA-262) for the keywords
/// SessionHooks' schemas use, each with the standard's answer. The schema is <c>a.schema.json</c>;
/// <c>b.schema.json</c> is there to be referred to.
/// </summary>
public static class Draft07Cases
{
    public const string Referred = """{"$schema": "http://json-schema.org/draft-07/schema#", "$id": "b.schema.json", "type": "string", "definitions": {"n": {"type": "number"}}}""";

    private const string DollarMatchesBeforeNewline = ".NET's $ also matches before a final \\n (ECMA-262's only at the end); SessionHooks' schemas end patterns with (?![\\s\\S]) so every validator agrees";
    private const string DotMatchesCarriageReturn = ".NET's . matches \\r, ECMA-262's matches no line terminator; SessionHooks' schemas use no .";
    private const string SpaceIsAscii = ".NET's \\s (in its ECMAScript mode) leaves out U+00A0 and the other Unicode spaces ECMA-262's includes; SessionHooks' schemas use no \\s but in [\\s\\S]";
    private const string GraphemesNotCodePoints = "JsonSchema.Net counts grapheme clusters (StringInfo), the standard code points: e + U+0301 is one grapheme and two characters";

    public static IEnumerable<Draft07Case> All()
    {
        // pattern: ECMA-262, not .NET (JSON-Schema-Test-Suite draft7/optional/ecmascript-regex.json)
        yield return Pattern("$ is the end of the string", "^abc$", "abc\n", invalid: true, DollarMatchesBeforeNewline);
        yield return Pattern("$ matches at the end", "^abc$", "abc", invalid: false);
        yield return Pattern("the portable end (?![\\s\\S]) refuses a trailing newline", "^abc(?![\\s\\S])", "abc\n", invalid: true);
        yield return Pattern("the portable end matches at the end", "^abc(?![\\s\\S])", "abc", invalid: false);
        yield return Pattern("\\d is ASCII digits only", "^\\d$", "\u07c0", invalid: true);
        yield return Pattern("\\d matches 0", "^\\d$", "0", invalid: false);
        yield return Pattern("\\D matches a non-ASCII digit", "^\\D$", "\u07c0", invalid: false);
        yield return Pattern("\\w is ASCII only", "^\\w$", "é", invalid: true);
        yield return Pattern("\\W matches é", "^\\W$", "é", invalid: false);
        yield return Pattern("\\s matches a space", "^\\s$", " ", invalid: false);
        yield return Pattern("\\s matches a no-break space", "^\\s$", "\u00a0", invalid: false, SpaceIsAscii);
        yield return Pattern(". matches no carriage return", "^.$", "\r", invalid: true, DotMatchesCarriageReturn);
        yield return Pattern("\\t is a tab", "^\\t$", "\t", invalid: false);
        yield return Pattern("\\cC is control-C", "^\\cC$", "\u0003", invalid: false);
        yield return Pattern("a class escape inside a class", "^[\\d_]+$", "12_3", invalid: false);
        yield return Pattern("a negated class", "^[^\\u0000-\\u0020]+$", "feature/ü", invalid: false);
        yield return Pattern("a negated class refuses a space", "^[^\\u0000-\\u0020]+$", "a b", invalid: true);
        yield return Pattern("a pattern is not anchored by itself", "b", "abc", invalid: false);

        // minLength/maxLength count code points (draft7/minLength.json, maxLength.json)
        yield return new("minLength: a surrogate pair is one character", """{"minLength": 2}""", Str("\U0001F4A9"), [""]);
        yield return new("maxLength: a surrogate pair is one character", """{"maxLength": 1}""", Str("\U0001F4A9"), []);
        yield return new("maxLength: a combining mark is a character of its own", """{"maxLength": 1}""", Str("e\u0301"), [""], GraphemesNotCodePoints);
        yield return new("minLength ignores non-strings", """{"minLength": 2}""", "1", []);

        // enum compares JSON values (draft7/enum.json)
        yield return new("enum: \"1\" is not 1", """{"enum": [1]}""", "\"1\"", [""]);
        yield return new("enum: 1.0 is 1", """{"enum": [1]}""", "1.0", []);
        yield return new("enum: true is not 1", """{"enum": [1]}""", "true", [""]);
        yield return new("enum: \"True\" is not true", """{"enum": [true]}""", "\"True\"", [""]);
        yield return new("enum: objects by value", """{"enum": [{"a": 1, "b": [2]}]}""", """{"b": [2.0], "a": 1}""", []);
        yield return new("enum: null", """{"enum": [null, "a"]}""", "null", []);
        yield return new("enum: exact numbers", """{"enum": [2]}""", "2.0000000000000001", [""]);

        // required applies to objects only (draft7/required.json)
        yield return new("required ignores arrays", """{"required": ["a"]}""", "[]", []);
        yield return new("required ignores strings", """{"required": ["a"]}""", "\"a\"", []);
        yield return new("required fails at the object", """{"properties": {"x": {"required": ["a"]}}}""", """{"x": {}}""", ["/x"]);

        // integers by value (draft7/type.json, optional/bignum.json)
        yield return new("1.0 is an integer", """{"type": "integer"}""", "1.0", []);
        yield return new("1e2 is an integer", """{"type": "integer"}""", "1e2", []);
        yield return new("1.5 is no integer", """{"type": "integer"}""", "1.5", [""]);
        yield return new("1e400 is an integer", """{"type": "integer"}""", "1e400", []);
        yield return new("an integer or null", """{"type": ["integer", "null"]}""", "2.5", [""]);

        // minimum/maximum by exact value
        yield return new("minimum: -1e-400 is below 0", """{"minimum": 0}""", "-1e-400", [""]);
        yield return new("maximum: 87600.000000000001 is above 87600", """{"maximum": 87600}""", "87600.000000000001", [""]);
        yield return new("maximum: 1e400 is above 10", """{"maximum": 10}""", "1e400", [""]);
        yield return new("maximum: 87600.0 is at most 87600", """{"maximum": 87600}""", "87600.0", []);

        // maxItems: 0 allows only the empty array
        yield return new("maxItems: 0", """{"maxItems": 0}""", "[1]", [""]);

        // $ref: a file name without # is that file's root (draft7/refRemote.json); # is this file's root
        yield return new("$ref without # is the other file's root", """{"properties": {"x": {"allOf": [{"$ref": "b.schema.json"}]}}}""", """{"x": 1}""", ["/x"]);
        yield return new("$ref into the other file", """{"properties": {"x": {"allOf": [{"$ref": "b.schema.json#/definitions/n"}]}}}""", """{"x": "1"}""", ["/x"]);
        yield return new("$ref # is this file's root", """{"type": ["object", "integer"], "properties": {"x": {"$ref": "#"}}}""", """{"x": {"x": "s"}}""", ["/x/x"]);
        yield return new("$ref ignores what stands beside it in draft-07", """{"properties": {"x": {"title": "x", "allOf": [{"$ref": "#/definitions/d"}]}}, "definitions": {"d": {"minimum": 3}}}""", """{"x": 1}""", ["/x"]);

        // additionalProperties and locations
        yield return new("additionalProperties: false fails at the property", """{"properties": {"a": {}}, "additionalProperties": false}""", """{"a": 1, "b.c/d~e": 2}""", ["/b.c~1d~0e"]);
        yield return new("a type error hides nothing else", """{"type": "object", "properties": {"a": {"type": "string"}}, "required": ["b"]}""", """{"a": 1}""", ["", "/a"]);
        yield return new("items fail at the item", """{"items": {"type": "string"}}""", """["a", 1, "b", 2]""", ["/1", "/3"]);
    }

    private static Draft07Case Pattern(string name, string pattern, string text, bool invalid, string? oracleDeparts = null) =>
        new("pattern: " + name, $$"""{"type": "string", "pattern": {{Str(pattern)}}}""", Str(text), invalid ? [""] : [], oracleDeparts);

    /// <summary>A JSON string literal holding <paramref name="text"/>.</summary>
    public static string Str(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    /// <summary>SessionHooks' verdict on a case: the schema built by <see cref="SchemaBuilder"/>, the document checked by <see cref="Draft07Validator"/>.</summary>
    public static Verdict SessionHooks(Draft07Case test)
    {
        var schema = SchemaBuilder.Build("a.schema.json", new Dictionary<string, string>
        {
            ["a.schema.json"] = test.Schema,
            ["b.schema.json"] = Referred,
        });
        var json = Encoding.UTF8.GetBytes(test.Instance);
        var document = InstanceDocument.Read(json);
        var errors = SchemaErrors.Leaves(new Draft07Validator(document).Validate(schema));
        return new Verdict(false, [.. errors.Select(e => e.Pointer).Distinct().Order(StringComparer.Ordinal)]);
    }
}
