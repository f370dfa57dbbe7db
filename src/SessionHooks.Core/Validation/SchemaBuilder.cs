using System.Text.Json;
using NJsonSchema;

namespace SessionHooks.Validation;

/// <summary>
/// Builds NJsonSchema's schema objects straight from the schema files' JSON (draft-07), for the
/// keywords those files use. NJsonSchema's own reader goes through Newtonsoft.Json's
/// reflection-based serializer, which costs a process about 55 ms the first time; a pre-push that
/// validates a fresh commit paid that on every push. Anything this builder does not implement — a
/// keyword, a form of reference, a pattern's syntax — stops it with an error, so a schema can never
/// lose a rule, or have it read differently, by being read here. The keywords whose meaning
/// NJsonSchema gets wrong go to <see cref="KeywordRules"/> instead (see <see cref="Draft07Validator"/>).
/// </summary>
internal sealed class SchemaBuilder
{
    private const string Draft07 = "http://json-schema.org/draft-07/schema";

    /// <summary>Keywords that describe without constraining: for people and editors (VS Code reads the markdown and enum descriptions).</summary>
    private static readonly HashSet<string> Annotations =
    [
        "$comment", "title", "description", "markdownDescription", "default", "examples",
        "enumDescriptions", "markdownEnumDescriptions", "errorMessage",
    ];

    private readonly Dictionary<string, JsonElement> documents;
    private readonly Dictionary<string, JsonSchema> built = new(StringComparer.Ordinal);

    private SchemaBuilder(Dictionary<string, JsonElement> documents) => this.documents = documents;

    /// <summary>
    /// The schema of <paramref name="fileName"/>; <paramref name="documents"/> holds the text of it
    /// and of every file it refers to (<c>core.schema.json#/definitions/…</c>), by file name.
    /// </summary>
    /// <exception cref="InvalidOperationException">The schema uses a keyword, a reference or a pattern this builder does not implement.</exception>
    public static JsonSchema Build(string fileName, IReadOnlyDictionary<string, string> documents)
    {
        var parsed = documents.ToDictionary(d => d.Key, d => JsonDocument.Parse(d.Value).RootElement.Clone(), StringComparer.Ordinal);
        return new SchemaBuilder(parsed).Reference(fileName, fileName + "#");
    }

    /// <summary>The schema at a reference (<c>file#</c>, <c>file#/definitions/name</c>), built once: references to it share it, cycles included.</summary>
    private JsonSchema Reference(string file, string reference)
    {
        if (built.TryGetValue(reference, out var existing))
        {
            return existing;
        }

        var pointer = reference[(reference.IndexOf('#', StringComparison.Ordinal) + 1)..];
        if (pointer.Length > 0 && (pointer[0] != '/' || pointer.IndexOfAny(['~', '%']) >= 0))
        {
            throw Unsupported(file, $"a reference to '{reference}' (only plain JSON Pointers such as #/definitions/name are implemented)");
        }

        var element = documents[file];
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(segment, out element))
            {
                throw Unsupported(file, $"a reference to '{reference}', which is not there");
            }
        }

        var schema = new JsonSchema();
        built[reference] = schema;
        Fill(schema, element, file, root: pointer.Length == 0);
        return schema;
    }

    private JsonSchema Schema(JsonElement element, string file, JsonSchema? into = null)
    {
        var schema = into ?? new JsonSchema();
        Fill(schema, element, file, root: false);
        return schema;
    }

    private void Fill(JsonSchema schema, JsonElement element, string file, bool root)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Unsupported(file, $"a schema that is {element.ValueKind}, not an object");
        }

        if (element.TryGetProperty("$ref", out var direct))
        {
            // draft-07 ignores whatever stands beside a $ref, and editors show the target's title and
            // description instead of those written beside it: the form that keeps both is allOf.
            var beside = element.EnumerateObject().Select(p => p.Name).Where(n => n is not ("$ref" or "$comment")).ToList();
            if (beside.Count > 0)
            {
                throw Unsupported(file, $"'{string.Join("', '", beside)}' beside '$ref' (draft-07 ignores them; write them beside \"allOf\": [{{\"$ref\": \"{direct.GetString()}\"}}])");
            }

            schema.Reference = Target(direct.GetString()!, file);
            return;
        }

        var rules = (KeywordRules?)null;
        KeywordRules Rules() => rules ??= KeywordRules.For(schema);
        foreach (var keyword in element.EnumerateObject())
        {
            var value = keyword.Value;
            switch (keyword.Name)
            {
                case "$schema" when root:
                    if (value.GetString()?.TrimEnd('#') != Draft07)
                    {
                        throw Unsupported(file, $"the dialect '{value.GetString()}' (SessionHooks implements draft-07)");
                    }

                    break;
                case "$id" when root:
                    if (value.GetString() != file)
                    {
                        throw Unsupported(file, $"the $id '{value.GetString()}', which is not the file's name (references resolve by file name)");
                    }

                    break;
                case "allOf":
                    schema.Reference = OnlyReference(value, element, file);
                    break;
                case "type":
                    var types = value.ValueKind == JsonValueKind.Array
                        ? value.EnumerateArray().Aggregate(JsonObjectType.None, (all, t) => all | TypeOf(t.GetString(), file))
                        : TypeOf(value.GetString(), file);
                    if (types.HasFlag(JsonObjectType.Integer) && !types.HasFlag(JsonObjectType.Number))
                    {
                        // NJsonSchema takes only numbers written without a fraction as integers; draft-07 takes 1.0 too.
                        types = (types & ~JsonObjectType.Integer) | JsonObjectType.Number;
                        Rules().WholeNumbersOnly = true;
                    }

                    schema.Type = types;
                    break;
                case "properties":
                    foreach (var property in value.EnumerateObject())
                    {
                        var child = new JsonSchemaProperty();
                        schema.Properties[property.Name] = child;
                        Schema(property.Value, file, child);
                    }

                    break;
                case "required":
                    foreach (var name in value.EnumerateArray())
                    {
                        schema.RequiredProperties.Add(name.GetString()!);
                    }

                    break;
                case "additionalProperties":
                    if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                    {
                        schema.AllowAdditionalProperties = value.GetBoolean();
                    }
                    else
                    {
                        schema.AdditionalPropertiesSchema = Schema(value, file);
                    }

                    break;
                case "items":
                    schema.Item = Schema(value, file);
                    break;
                case "enum":
                    Rules().Enum = [.. value.EnumerateArray().Select(v => v.Clone())];
                    break;
                case "pattern":
                    try
                    {
                        Rules().Pattern = EcmaPattern.Compile(value.GetString()!);
                    }
                    catch (FormatException refused)
                    {
                        throw Unsupported(file, refused.Message);
                    }
                    catch (ArgumentException invalid)
                    {
                        throw Unsupported(file, $"the pattern \"{value.GetString()}\", which is not a valid regular expression ({invalid.Message})");
                    }

                    break;
                case "minLength":
                    Rules().MinLength = Count(value, keyword.Name, file);
                    break;
                case "maxLength":
                    Rules().MaxLength = Count(value, keyword.Name, file);
                    break;
                case "maxItems":
                    Rules().MaxItems = Count(value, keyword.Name, file);
                    break;
                case "minimum":
                    Rules().Minimum = JsonNumber.Parse(value.GetRawText());
                    break;
                case "maximum":
                    Rules().Maximum = JsonNumber.Parse(value.GetRawText());
                    break;
                case "definitions":
                    foreach (var definition in value.EnumerateObject())
                    {
                        schema.Definitions[definition.Name] = Reference(file, $"{file}#/definitions/{definition.Name}");
                    }

                    break;
                case "title":
                    schema.Title = value.GetString();
                    break;
                case "description":
                    schema.Description = value.GetString();
                    break;
                case "errorMessage":
                    Rules().ErrorMessage = value.GetString();
                    break;
                case "examples":
                    schema.ExtensionData ??= new Dictionary<string, object?>();
                    schema.ExtensionData["examples"] = value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText()).ToList();
                    break;
                case var annotation when Annotations.Contains(annotation):
                    break;
                default:
                    throw Unsupported(file, $"the keyword '{keyword.Name}'{(root ? "" : " here")}");
            }
        }

        // NJsonSchema lets null through, unchecked, wherever the type allows it: an enum without null would not hold.
        if (rules?.Enum is { } values && schema.Type.HasFlag(JsonObjectType.Null) && !values.Any(v => v.ValueKind == JsonValueKind.Null))
        {
            throw Unsupported(file, "an enum without null beside a type that allows null");
        }
    }

    /// <summary>The one form of allOf implemented: a single reference, with only annotations beside it.</summary>
    private JsonSchema OnlyReference(JsonElement allOf, JsonElement schema, string file)
    {
        var constraints = schema.EnumerateObject().Select(p => p.Name).Where(n => n != "allOf" && !Annotations.Contains(n)).ToList();
        if (allOf.ValueKind != JsonValueKind.Array || allOf.GetArrayLength() != 1
            || allOf[0].ValueKind != JsonValueKind.Object || allOf[0].EnumerateObject().Count() != 1
            || !allOf[0].TryGetProperty("$ref", out var reference) || constraints.Count > 0)
        {
            throw Unsupported(file, "an allOf other than [{\"$ref\": …}] with only annotations (title, description, …) beside it");
        }

        return Target(reference.GetString()!, file);
    }

    /// <summary><c>#/definitions/x</c> in the same file, <c>other.schema.json#/definitions/x</c>, or <c>other.schema.json</c> (its root).</summary>
    private JsonSchema Target(string reference, string file)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var target = hash < 0 ? reference : hash == 0 ? file : reference[..hash];
        if (!documents.ContainsKey(target))
        {
            throw Unsupported(file, $"a reference to '{reference}', in a file not given");
        }

        return Reference(target, target + (hash < 0 ? "#" : reference[hash..]));
    }

    private static int Count(JsonElement value, string keyword, string file) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var count) && count >= 0
            ? count
            : throw Unsupported(file, $"'{keyword}': {value.GetRawText()}, which is not a count");

    private static JsonObjectType TypeOf(string? name, string file) => name switch
    {
        "string" => JsonObjectType.String,
        "integer" => JsonObjectType.Integer,
        "number" => JsonObjectType.Number,
        "boolean" => JsonObjectType.Boolean,
        "object" => JsonObjectType.Object,
        "array" => JsonObjectType.Array,
        "null" => JsonObjectType.Null,
        _ => throw Unsupported(file, $"the type '{name}'"),
    };

    private static InvalidOperationException Unsupported(string file, string what) =>
        new($"{file}: {what} is not supported by SessionHooks' schema builder; extend Validation/SchemaBuilder");
}
