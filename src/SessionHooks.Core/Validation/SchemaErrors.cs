using System.Collections;
using NJsonSchema;
using NJsonSchema.Validation;
using SessionHooks.Diagnostics;
using SessionHooks.Records;

namespace SessionHooks.Validation;

/// <summary>Turns NJsonSchema's errors into SessionHooks diagnostics at the offending value, naming the property and what it must be.</summary>
internal static class SchemaErrors
{
    /// <summary>
    /// The errors that say what is wrong, one per problem: without the "an item of this array is
    /// invalid" wrappers around them, and without what follows from a value of the wrong type.
    /// </summary>
    public static List<ValidationError> Leaves(IEnumerable<ValidationError> errors)
    {
        var leaves = Flatten(errors).DistinctBy(e => (e.Kind, e.Path, e.Property)).ToList();
        var wrongType = leaves.Where(e => TypeKinds.Contains(e.Kind)).Select(e => e.Path ?? SchemaPaths.Root).ToHashSet(StringComparer.Ordinal);
        return leaves.Where(e => TypeKinds.Contains(e.Kind) || !wrongType.Any(p => IsWithin(SpotPath(e), p))).ToList();
    }

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            var inner = error switch
            {
                // A value that may have several types: the errors of the type it has, if it has one of them.
                MultiTypeValidationError multi => multi.Errors.Values.FirstOrDefault(list => !list.Any(e => TypeKinds.Contains(e.Kind) && e.Path == error.Path)),
                ChildSchemaValidationError child when child.Errors.Any(e => e.Value.Count > 0) => child.Errors.SelectMany(e => e.Value).ToList(),
                _ => null,
            };
            foreach (var leaf in inner is null ? [error] : Flatten(inner))
            {
                yield return leaf;
            }
        }
    }

    private static bool IsWithin(string path, string container) =>
        path == container || (path.StartsWith(container, StringComparison.Ordinal) && path.Length > container.Length && path[container.Length] is '.' or '[');

    /// <summary>Where the diagnostic points: the object for a missing property, the name for a forbidden one, else the value.</summary>
    public static string SpotPath(ValidationError error) => error.Kind == ValidationErrorKind.PropertyRequired
        ? SchemaPaths.Parent(error.Path ?? SchemaPaths.Root, error.Property ?? "")
        : error.Path ?? SchemaPaths.Root;

    public static Diagnostic ToDiagnostic(ValidationError error, JsonSpot? spot, (int Line, int Column) at, string displayPath, string? misspeltAs)
    {
        var path = error.Path ?? SchemaPaths.Root;
        var schema = error.Schema?.ActualSchema;
        var where = SchemaPaths.Display(path);
        var value = spot?.Preview is { } preview ? (spot.Value.Token == System.Text.Json.JsonTokenType.String ? $"\"{preview}\"" : preview) : null;
        var found = spot is { } s ? SessionFileChecks.Describe(s.Token) : "no value";
        var (line, column) = at;
        switch (error.Kind)
        {
            case ValidationErrorKind.PropertyRequired:
                var hint = misspeltAs is null ? "" : $" ('{misspeltAs}' is there: a misspelling?)";
                return DiagnosticCatalog.RequiredPropertyMissing.At(displayPath, line, column,
                    $"{SchemaPaths.Display(SpotPath(error))} lacks the required property '{error.Property}'{hint}");
            case ValidationErrorKind.NotInEnumeration:
                return DiagnosticCatalog.ValueNotAllowed.At(displayPath, line, column,
                    $"{where} is {value ?? found}; expected one of: {string.Join(", ", schema?.Enumeration ?? [])}");
            case ValidationErrorKind.PatternMismatch:
                return DiagnosticCatalog.ValueFormat.At(displayPath, line, column,
                    $"{where} is {value}, which is not a {schema?.Title ?? "value of the required format"}{Example(schema)}");
            case ValidationErrorKind.StringTooShort:
                return DiagnosticCatalog.ValueFormat.At(displayPath, line, column, $"{where} must not be empty");
            case ValidationErrorKind.NoAdditionalPropertiesAllowed:
                var allowed = string.Join(", ", error.Schema?.ActualSchema.ActualProperties.Keys ?? []);
                return DiagnosticCatalog.PropertyNotAllowed.At(displayPath, line, column,
                    $"{SchemaPaths.Display(SchemaPaths.Parent(path, error.Property ?? ""))} does not allow the property '{error.Property}' (allowed: {allowed})");
            case ValidationErrorKind.NumberTooSmall:
                return DiagnosticCatalog.SchemaViolation.At(displayPath, line, column, $"{where} is {value}, below the minimum of {schema?.Minimum}");
            case ValidationErrorKind.NumberTooBig:
                return DiagnosticCatalog.SchemaViolation.At(displayPath, line, column, $"{where} is {value}, above the maximum of {schema?.Maximum}");
            case ValidationErrorKind.TooManyItems:
                return DiagnosticCatalog.SchemaViolation.At(displayPath, line, column, $"{where} holds more than {schema?.MaxItems} items");
            case ValidationErrorKind.StringTooLong:
                return DiagnosticCatalog.SchemaViolation.At(displayPath, line, column, $"{where} is longer than {schema?.MaxLength} characters");
            case var kind when TypeKinds.Contains(kind):
                return DiagnosticCatalog.WrongType.At(displayPath, line, column, $"{where} must be {TypeWords(schema, kind)}, not {found}");
            default:
                return DiagnosticCatalog.SchemaViolation.At(displayPath, line, column, $"{where} breaks the schema ({error.Kind})");
        }
    }

    private static readonly HashSet<ValidationErrorKind> TypeKinds =
    [
        ValidationErrorKind.StringExpected, ValidationErrorKind.NumberExpected, ValidationErrorKind.IntegerExpected,
        ValidationErrorKind.BooleanExpected, ValidationErrorKind.ObjectExpected, ValidationErrorKind.ArrayExpected,
        ValidationErrorKind.NullExpected, ValidationErrorKind.NoTypeValidates,
    ];

    private static string TypeWords(JsonSchema? schema, ValidationErrorKind kind)
    {
        var type = schema?.Type ?? JsonObjectType.None;
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
