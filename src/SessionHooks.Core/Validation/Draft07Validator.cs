using System.Text.Json;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace SessionHooks.Validation;

/// <summary>
/// NJsonSchema's validator, corrected where its semantics depart from draft-07 — the one place
/// that knows where they do (docs/validation.md lists them):
/// <list type="bullet">
/// <item><c>required</c> applies to objects only; NJsonSchema reports it for any value.</item>
/// <item><c>enum</c> compares JSON values; NJsonSchema compares their text (<c>[1]</c> took <c>"1"</c>).</item>
/// <item><c>pattern</c> is ECMAScript (<see cref="EcmaPattern"/>); NJsonSchema runs it as .NET.</item>
/// <item><c>minLength</c>/<c>maxLength</c> count code points; NJsonSchema counts UTF-16 units.</item>
/// <item><c>minimum</c>/<c>maximum</c> compare exact values and <c>integer</c> is any number with no
/// fractional part (<c>1.0</c> too); NJsonSchema goes through decimal and double, and takes only
/// numbers written without a fraction as integers.</item>
/// <item><c>maxItems: 0</c> allows only empty arrays; NJsonSchema ignores a zero.</item>
/// </list>
/// <see cref="SchemaBuilder"/> keeps those keywords away from NJsonSchema's own checks and hands
/// them to <see cref="KeywordRules"/>, checked here at every value NJsonSchema visits; NJsonSchema
/// still walks the document and checks types, properties, required, additionalProperties and items.
/// </summary>
internal sealed class Draft07Validator(InstanceDocument document) : JsonSchemaValidator((JsonSchemaValidatorSettings?)null)
{
    public ICollection<ValidationError> Validate(JsonSchema schema) => Validate(document.Root, schema);

    protected override ICollection<ValidationError> Validate(JToken token, JsonSchema schema, SchemaType schemaType, string? propertyName, string propertyPath)
    {
        var errors = base.Validate(token, schema, schemaType, propertyName, propertyPath);
        if (token is not JObject && errors.Any(e => e.Kind == ValidationErrorKind.PropertyRequired && ReferenceEquals(e.Token, token)))
        {
            errors = [.. errors.Where(e => !(e.Kind == ValidationErrorKind.PropertyRequired && ReferenceEquals(e.Token, token)))];
        }

        if (KeywordRules.Of(schema) is { } rules)
        {
            foreach (var kind in rules.Check(token, document))
            {
                errors.Add(new ValidationError(kind, propertyName, propertyPath, token, schema));
            }
        }

        return errors;
    }
}

/// <summary>The keywords of one schema that SessionHooks checks itself (see <see cref="Draft07Validator"/>).</summary>
internal sealed class KeywordRules
{
    private const string Key = "x-sessionhooks-rules";

    public IReadOnlyList<JsonElement>? Enum { get; set; }

    public Regex? Pattern { get; set; }

    public int? MinLength { get; set; }

    public int? MaxLength { get; set; }

    public JsonNumber? Minimum { get; set; }

    public JsonNumber? Maximum { get; set; }

    public int? MaxItems { get; set; }

    /// <summary>The type allows integers but not other numbers; NJsonSchema is told "number".</summary>
    public bool WholeNumbersOnly { get; set; }

    /// <summary>The schema's <c>errorMessage</c>: what a value that breaks it should be, in words.</summary>
    public string? ErrorMessage { get; set; }

    public static KeywordRules? Of(JsonSchema? schema) =>
        schema?.ExtensionData is { } data && data.TryGetValue(Key, out var rules) ? rules as KeywordRules : null;

    public static KeywordRules For(JsonSchema schema)
    {
        if (Of(schema) is { } existing)
        {
            return existing;
        }

        var rules = new KeywordRules();
        schema.ExtensionData ??= new Dictionary<string, object?>();
        schema.ExtensionData[Key] = rules;
        return rules;
    }

    public IEnumerable<ValidationErrorKind> Check(JToken token, InstanceDocument document)
    {
        if (Enum is { } allowed && !allowed.Any(value => JsonValues.Equal(token, value, document)))
        {
            yield return ValidationErrorKind.NotInEnumeration;
        }

        switch (token.Type)
        {
            case JTokenType.String:
                var text = token.Value<string>()!;
                if (Pattern is { } pattern && !pattern.IsMatch(text))
                {
                    yield return ValidationErrorKind.PatternMismatch;
                }

                if (MinLength is not null || MaxLength is not null)
                {
                    var length = CodePoints(text);
                    if (length < MinLength)
                    {
                        yield return ValidationErrorKind.StringTooShort;
                    }

                    if (length > MaxLength)
                    {
                        yield return ValidationErrorKind.StringTooLong;
                    }
                }

                break;
            case JTokenType.Float or JTokenType.Integer when document.NumberOf(token) is { } number:
                if (WholeNumbersOnly && !number.IsInteger)
                {
                    yield return ValidationErrorKind.IntegerExpected;
                }

                if (number < Minimum)
                {
                    yield return ValidationErrorKind.NumberTooSmall;
                }

                if (number > Maximum)
                {
                    yield return ValidationErrorKind.NumberTooBig;
                }

                break;
            case JTokenType.Array when ((JArray)token).Count > MaxItems:
                yield return ValidationErrorKind.TooManyItems;
                break;
        }
    }

    /// <summary>Characters as JSON Schema counts them: a surrogate pair is one.</summary>
    private static int CodePoints(string text)
    {
        var count = text.Length;
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]))
            {
                count--;
                i++;
            }
        }

        return count;
    }
}

/// <summary>JSON equality between a document's value and a schema's: numbers by value, objects without regard to order.</summary>
internal static class JsonValues
{
    public static bool Equal(JToken token, JsonElement value, InstanceDocument document) => (token.Type, value.ValueKind) switch
    {
        (JTokenType.Null, JsonValueKind.Null) => true,
        (JTokenType.Boolean, JsonValueKind.True) => token.Value<bool>(),
        (JTokenType.Boolean, JsonValueKind.False) => !token.Value<bool>(),
        (JTokenType.String, JsonValueKind.String) => string.Equals(token.Value<string>(), value.GetString(), StringComparison.Ordinal),
        (JTokenType.Float or JTokenType.Integer, JsonValueKind.Number) =>
            document.NumberOf(token) is { } number && number.Equals(JsonNumber.Parse(value.GetRawText())),
        (JTokenType.Array, JsonValueKind.Array) =>
            ((JArray)token).Count == value.GetArrayLength() && ((JArray)token).Zip(value.EnumerateArray()).All(pair => Equal(pair.First, pair.Second, document)),
        (JTokenType.Object, JsonValueKind.Object) =>
            ((JObject)token).Count == value.EnumerateObject().Count()
            && value.EnumerateObject().All(p => ((JObject)token).TryGetValue(p.Name, out var member) && Equal(member, p.Value, document)),
        _ => false,
    };
}
