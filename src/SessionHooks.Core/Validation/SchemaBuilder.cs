using System.Text.Json;
using NJsonSchema;

namespace SessionHooks.Validation;

/// <summary>
/// Builds NJsonSchema's schema objects straight from the schema files' JSON, for the keywords
/// those files use. NJsonSchema's own reader goes through Newtonsoft.Json's reflection-based
/// serializer, which costs a process about 55 ms the first time; a pre-push that validates a
/// fresh commit paid that on every push. A keyword this builder does not know stops it with an
/// error, so a schema can never lose a rule by being read here.
/// </summary>
internal sealed class SchemaBuilder
{
    // Keywords that describe without constraining; "examples" is kept for the diagnostics' hints.
    private static readonly HashSet<string> Annotations = ["$schema", "$id", "$comment", "description", "default"];

    private readonly Dictionary<string, JsonElement> documents;
    private readonly Dictionary<string, JsonSchema> built = new(StringComparer.Ordinal);

    private SchemaBuilder(Dictionary<string, JsonElement> documents) => this.documents = documents;

    /// <summary>
    /// The schema of <paramref name="fileName"/>; <paramref name="documents"/> holds the text of it
    /// and of every file it refers to (<c>core.schema.json#/definitions/…</c>), by file name.
    /// </summary>
    /// <exception cref="InvalidOperationException">The schema uses a keyword or a reference this builder does not know.</exception>
    public static JsonSchema Build(string fileName, IReadOnlyDictionary<string, string> documents)
    {
        var parsed = documents.ToDictionary(d => d.Key, d => JsonDocument.Parse(d.Value).RootElement, StringComparer.Ordinal);
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
        Fill(schema, element, file);
        return schema;
    }

    private JsonSchema Schema(JsonElement element, string file, JsonSchema? into = null)
    {
        var schema = into ?? new JsonSchema();
        Fill(schema, element, file);
        return schema;
    }

    private void Fill(JsonSchema schema, JsonElement element, string file)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Unsupported(file, $"a schema that is {element.ValueKind}, not an object");
        }

        foreach (var keyword in element.EnumerateObject())
        {
            var value = keyword.Value;
            switch (keyword.Name)
            {
                case "$ref":
                    schema.Reference = Target(value.GetString()!, file);
                    break;
                case "title":
                    schema.Title = value.GetString();
                    break;
                case "type":
                    schema.Type = value.ValueKind == JsonValueKind.Array
                        ? value.EnumerateArray().Aggregate(JsonObjectType.None, (all, t) => all | TypeOf(t.GetString(), file))
                        : TypeOf(value.GetString(), file);
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
                    foreach (var allowed in value.EnumerateArray())
                    {
                        schema.Enumeration.Add(Scalar(allowed, file));
                    }

                    break;
                case "pattern":
                    schema.Pattern = value.GetString();
                    break;
                case "minLength":
                    schema.MinLength = value.GetInt32();
                    break;
                case "maxLength":
                    schema.MaxLength = value.GetInt32();
                    break;
                case "maxItems":
                    schema.MaxItems = value.GetInt32();
                    break;
                case "minimum":
                    schema.Minimum = value.GetDecimal();
                    break;
                case "maximum":
                    schema.Maximum = value.GetDecimal();
                    break;
                case "definitions":
                    foreach (var definition in value.EnumerateObject())
                    {
                        schema.Definitions[definition.Name] = Reference(file, $"{file}#/definitions/{definition.Name}");
                    }

                    break;
                case "examples":
                    schema.ExtensionData ??= new Dictionary<string, object?>();
                    schema.ExtensionData["examples"] = value.EnumerateArray().Select(e => Scalar(e, file)).ToList();
                    break;
                case var annotation when Annotations.Contains(annotation):
                    if (annotation == "description")
                    {
                        schema.Description = value.GetString();
                    }

                    break;
                default:
                    throw Unsupported(file, $"the keyword '{keyword.Name}'");
            }
        }
    }

    /// <summary><c>#/definitions/x</c> in the same file, or <c>other.schema.json#/definitions/x</c>.</summary>
    private JsonSchema Target(string reference, string file)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var target = hash <= 0 ? file : reference[..hash];
        if (!documents.ContainsKey(target))
        {
            throw Unsupported(file, $"a reference to '{reference}', in a file not given");
        }

        return Reference(target, target + (hash < 0 ? "#" : reference[hash..]));
    }

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

    /// <summary>An enum or example value as NJsonSchema's reader gives it: a string, a whole number as long, a bool, or null.</summary>
    private static object? Scalar(JsonElement value, string file) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number when value.TryGetInt64(out var whole) => whole,
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        _ => throw Unsupported(file, $"an enum or example value that is {value.ValueKind}"),
    };

    private static InvalidOperationException Unsupported(string file, string what) =>
        new($"{file}: {what} is not supported by SessionHooks' schema builder; extend Validation/SchemaBuilder");
}
