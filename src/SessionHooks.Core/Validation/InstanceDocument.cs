using System.Text;
using System.Text.Json;
using Newtonsoft.Json.Linq;
using SessionHooks.Records;

namespace SessionHooks.Validation;

/// <summary>
/// A session file as NJsonSchema validates it (<see cref="JToken"/>s), read by System.Text.Json so
/// that every value keeps where it starts in the file and every number keeps its text: a
/// diagnostic points at the value itself, and numbers are compared by what they say, not by what a
/// double makes of them.
/// </summary>
internal sealed class InstanceDocument
{
    private readonly Dictionary<JToken, long> offsets = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<JToken, string> numbers = new(ReferenceEqualityComparer.Instance);

    private InstanceDocument()
    {
    }

    public JToken Root { get; private set; } = JValue.CreateNull();

    /// <summary>Reads JSON that has passed the syntax checks and has no property name twice in one object.</summary>
    public static InstanceDocument Read(ReadOnlySpan<byte> json)
    {
        var document = new InstanceDocument();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = JsonSyntaxScan.MaxDepth * 2 });
        reader.Read();
        document.Root = document.Value(ref reader);
        return document;
    }

    /// <summary>Where the value (or, for a property, its name) starts in the file.</summary>
    public long OffsetOf(JToken token) => offsets.TryGetValue(token, out var offset) ? offset : 0;

    /// <summary>The number as the file writes it.</summary>
    public JsonNumber? NumberOf(JToken token) => numbers.TryGetValue(token, out var text) ? JsonNumber.Parse(text) : null;

    private JToken Value(ref Utf8JsonReader reader)
    {
        var start = reader.TokenStartIndex;
        JToken token;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var obj = new JObject();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var nameStart = reader.TokenStartIndex;
                    var name = reader.GetString()!;
                    reader.Read();
                    var property = new JProperty(name, Value(ref reader));
                    offsets[property] = nameStart;
                    obj.Add(property);
                }

                token = obj;
                break;
            case JsonTokenType.StartArray:
                var array = new JArray();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    array.Add(Value(ref reader));
                }

                token = array;
                break;
            case JsonTokenType.String:
                token = new JValue(reader.GetString());
                break;
            case JsonTokenType.Number:
                var text = Encoding.UTF8.GetString(reader.ValueSpan);
                // NJsonSchema only asks whether this is a number; its value is compared from the text.
                token = new JValue(double.Parse(text, System.Globalization.CultureInfo.InvariantCulture));
                numbers[token] = text;
                break;
            case JsonTokenType.True or JsonTokenType.False:
                token = new JValue(reader.TokenType == JsonTokenType.True);
                break;
            default:
                token = JValue.CreateNull();
                break;
        }

        offsets[token] = start;
        return token;
    }
}
