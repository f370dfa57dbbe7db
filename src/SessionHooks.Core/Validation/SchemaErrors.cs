using System.Collections;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using SessionHooks.Diagnostics;
using SessionHooks.Records;

namespace SessionHooks.Validation;

/// <summary>A schema error with the place it concerns: the value, or for a missing property the object lacking it.</summary>
internal sealed record LocatedError(ValidationError Error, JToken Subject, IReadOnlyList<object> Segments)
{
    public string Pointer { get; } = InstancePath.Pointer(Segments);
}

/// <summary>Turns NJsonSchema's errors into SessionHooks diagnostics at the offending value, naming the property and what it must be.</summary>
internal static class SchemaErrors
{
    private static readonly HashSet<ValidationErrorKind> TypeKinds =
    [
        ValidationErrorKind.StringExpected, ValidationErrorKind.NumberExpected, ValidationErrorKind.IntegerExpected,
        ValidationErrorKind.BooleanExpected, ValidationErrorKind.ObjectExpected, ValidationErrorKind.ArrayExpected,
        ValidationErrorKind.NullExpected, ValidationErrorKind.NoTypeValidates,
    ];

    /// <summary>
    /// The errors that say what is wrong, one per problem: without the "an item of this array is
    /// invalid" wrappers around them, and without what follows from a value of the wrong type.
    /// </summary>
    public static List<LocatedError> Leaves(IEnumerable<ValidationError> errors)
    {
        var leaves = Flatten(errors)
            .Select(e => e.Token is JProperty property ? new LocatedError(e, property, InstancePath.Segments(property)) : new LocatedError(e, e.Token!, InstancePath.Segments(e.Token!)))
            .DistinctBy(e => (e.Error.Kind, e.Pointer, e.Error.Property))
            .ToList();
        var wrongType = leaves.Where(e => TypeKinds.Contains(e.Error.Kind)).Select(e => e.Pointer).ToList();
        return [.. leaves.Where(e => TypeKinds.Contains(e.Error.Kind) || !wrongType.Any(p => IsWithin(e.Pointer, p)))];
    }

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            var inner = error switch
            {
                // A value that may have several types: the errors of the type it has, if it has one of them.
                MultiTypeValidationError multi => multi.Errors.Values.FirstOrDefault(list => !list.Any(e => TypeKinds.Contains(e.Kind) && ReferenceEquals(e.Token, error.Token))),
                ChildSchemaValidationError child when child.Errors.Any(e => e.Value.Count > 0) => child.Errors.SelectMany(e => e.Value).ToList(),
                _ => null,
            };
            foreach (var leaf in inner is null ? [error] : Flatten(inner))
            {
                yield return leaf;
            }
        }
    }

    private static bool IsWithin(string pointer, string container) =>
        pointer == container || (pointer.StartsWith(container, StringComparison.Ordinal) && pointer.Length > container.Length && pointer[container.Length] == '/');

    /// <summary>
    /// Where the diagnostic points, as VS Code puts its squiggle: the name of a forbidden property;
    /// for a missing one, the name of the object that lacks it (its opening brace in an array or at the
    /// root); else the value.
    /// </summary>
    public static long Offset(LocatedError located, InstanceDocument document) => located.Error.Kind switch
    {
        ValidationErrorKind.PropertyRequired when located.Subject.Parent is JProperty owner => document.OffsetOf(owner),
        _ => document.OffsetOf(located.Subject),
    };

    public static Diagnostic ToDiagnostic(LocatedError located, InstanceDocument document, (int Line, int Column) at, string displayPath, string? misspeltAs)
    {
        var error = located.Error;
        var token = located.Subject is JProperty property ? property.Value : located.Subject;
        var schema = error.Schema?.ActualSchema;
        var rules = KeywordRules.Of(schema);
        var where = InstancePath.Display(located.Segments);
        var value = Preview(token, document);
        var found = Describe(token);
        var (line, column) = at;
        switch (error.Kind)
        {
            case ValidationErrorKind.PropertyRequired:
                var hint = misspeltAs is null ? "" : $" ('{misspeltAs}' is there: a misspelling?)";
                return DiagnosticCatalog.RequiredPropertyMissing.At(displayPath, line, column,
                    $"{where} lacks the required property '{error.Property}'{hint}");
            case ValidationErrorKind.NotInEnumeration:
                var allowed = rules?.Enum?.Select(v => v.ValueKind == System.Text.Json.JsonValueKind.String ? v.GetString() : v.GetRawText()) ?? [];
                return DiagnosticCatalog.ValueNotAllowed.At(displayPath, line, column,
                    $"{where} is {value ?? found}; expected one of: {string.Join(", ", allowed)}");
            case ValidationErrorKind.PatternMismatch:
                return DiagnosticCatalog.ValueFormat.At(displayPath, line, column, rules?.ErrorMessage is { } expected
                    ? $"{where} is {value}: {Clause(expected)}"
                    : $"{where} is {value}, which does not have the required format{Example(schema)}");
            case ValidationErrorKind.StringTooShort:
                return DiagnosticCatalog.ValueFormat.At(displayPath, line, column,
                    rules?.MinLength is null or 1 ? $"{where} must not be empty" : $"{where} is shorter than {rules.MinLength} characters");
            case ValidationErrorKind.NoAdditionalPropertiesAllowed:
                var names = string.Join(", ", error.Schema?.ActualSchema.ActualProperties.Keys ?? []);
                return DiagnosticCatalog.PropertyNotAllowed.At(displayPath, line, column,
                    $"{InstancePath.Display(located.Segments.Take(located.Segments.Count - 1).ToList())} does not allow the property '{error.Property}' (allowed: {names})");
            case ValidationErrorKind.NumberTooSmall:
                return DiagnosticCatalog.SchemaViolation.At(displayPath, line, column, $"{where} is {value}, below the minimum of {rules?.Minimum}");
            case ValidationErrorKind.NumberTooBig:
                return DiagnosticCatalog.SchemaViolation.At(displayPath, line, column, $"{where} is {value}, above the maximum of {rules?.Maximum}");
            case ValidationErrorKind.TooManyItems:
                return DiagnosticCatalog.SchemaViolation.At(displayPath, line, column, $"{where} holds more than {rules?.MaxItems} items");
            case ValidationErrorKind.StringTooLong:
                return DiagnosticCatalog.SchemaViolation.At(displayPath, line, column, $"{where} is longer than {rules?.MaxLength} characters");
            case var kind when TypeKinds.Contains(kind):
                var described = kind == ValidationErrorKind.IntegerExpected ? $"{found} {value}" : found;
                return DiagnosticCatalog.WrongType.At(displayPath, line, column,
                    $"{where} must be {TypeWords(schema, kind)}, not {described}{(rules?.ErrorMessage is { } message ? $" ({Clause(message)})" : "")}");
            default:
                return DiagnosticCatalog.SchemaViolation.At(displayPath, line, column, $"{where} breaks the schema ({error.Kind})");
        }
    }

    /// <summary>An editor's sentence ("Expected a UTC timestamp…") as a clause of ours ("expected a UTC timestamp…").</summary>
    private static string Clause(string sentence)
    {
        var text = sentence.Trim().TrimEnd('.');
        return text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
    }

    private static string? Preview(JToken token, InstanceDocument document)
    {
        var text = token.Type switch
        {
            JTokenType.String => token.Value<string>(),
            JTokenType.Float or JTokenType.Integer => document.NumberOf(token)?.Text,
            JTokenType.Boolean => token.Value<bool>() ? "true" : "false",
            JTokenType.Null => "null",
            _ => null,
        };
        if (text is { Length: > 60 })
        {
            text = text[..60] + "…";
        }

        return token.Type == JTokenType.String ? $"\"{text}\"" : text;
    }

    private static string Describe(JToken token) => token.Type switch
    {
        JTokenType.Array => "an array",
        JTokenType.Object => "an object",
        JTokenType.String => "a string",
        JTokenType.Float or JTokenType.Integer => "a number",
        JTokenType.Boolean => "a boolean",
        JTokenType.Null => "null",
        _ => "no value",
    };

    private static string TypeWords(JsonSchema? schema, ValidationErrorKind kind)
    {
        var type = schema?.Type ?? JsonObjectType.None;
        if (KeywordRules.Of(schema)?.WholeNumbersOnly == true)
        {
            type = (type & ~JsonObjectType.Number) | JsonObjectType.Integer;
        }

        if (type == JsonObjectType.None)
        {
            type = kind switch
            {
                ValidationErrorKind.StringExpected => JsonObjectType.String,
                ValidationErrorKind.NumberExpected => JsonObjectType.Number,
                ValidationErrorKind.IntegerExpected => JsonObjectType.Integer,
                ValidationErrorKind.BooleanExpected => JsonObjectType.Boolean,
                ValidationErrorKind.ObjectExpected => JsonObjectType.Object,
                ValidationErrorKind.ArrayExpected => JsonObjectType.Array,
                _ => JsonObjectType.Null,
            };
        }

        var words = new List<string>();
        AddIf(JsonObjectType.String, "a string");
        AddIf(JsonObjectType.Integer, "a whole number");
        AddIf(JsonObjectType.Number, "a number");
        AddIf(JsonObjectType.Boolean, "true or false");
        AddIf(JsonObjectType.Object, "an object");
        AddIf(JsonObjectType.Array, "an array");
        AddIf(JsonObjectType.Null, "null");
        return string.Join(" or ", words);

        void AddIf(JsonObjectType flag, string word)
        {
            if (type.HasFlag(flag))
            {
                words.Add(word);
            }
        }
    }

    private static string Example(JsonSchema? schema) =>
        schema?.ExtensionData?.TryGetValue("examples", out var examples) == true && examples is IEnumerable list and not string
            && list.Cast<object>().FirstOrDefault() is { } first
            ? $" (e.g. {first})"
            : "";
}
