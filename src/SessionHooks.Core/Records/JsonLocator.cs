using System.Buffers;
using System.Text;
using System.Text.Json;

namespace SessionHooks.Records;

/// <summary>How a path into a JSON document is spelt: System.Text.Json's (<c>$.a[0].b</c>) or NJsonSchema's (<c>#/a[0].b</c>).</summary>
internal enum JsonPathStyle
{
    SystemTextJson,
    JsonSchema,
}

/// <summary>Where a value starts in a file, what it is, and where its property name starts.</summary>
internal readonly record struct JsonSpot(long Offset, JsonTokenType Token, long NameOffset, string? Preview);

/// <summary>
/// Finds where values start, by path, in one pass over the file. Used only when something must be
/// reported, so that reading good files costs nothing extra.
/// </summary>
internal static class JsonLocator
{
    private const int PreviewLength = 60;

    // The characters that make System.Text.Json write a property in brackets.
    private static readonly SearchValues<char> SpecialInPath = SearchValues.Create(".'/\"[]()\t\n\r\f\b\\\u0085\u2028\u2029 ");

    public static string Root(JsonPathStyle style) => style == JsonPathStyle.SystemTextJson ? "$" : "#/";

    public static string Property(JsonPathStyle style, string parent, string name) => style switch
    {
        JsonPathStyle.JsonSchema => parent == "#/" ? "#/" + name : parent + "." + name,
        _ when name.AsSpan().IndexOfAny(SpecialInPath) >= 0 => $"{parent}['{name}']",
        _ => parent + "." + name,
    };

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    public static Dictionary<string, JsonSpot> Locate(ReadOnlySpan<byte> utf8, IReadOnlyCollection<string> paths, JsonPathStyle style)
    {
        var wanted = new HashSet<string>(paths, StringComparer.Ordinal);
        var found = new Dictionary<string, JsonSpot>(StringComparer.Ordinal);
        var containers = new Stack<(string Path, bool IsArray, int Next)>();
        string? name = null;
        long nameOffset = -1;
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = JsonSyntaxScan.MaxDepth * 2 });
        try
        {
            while (wanted.Count > found.Count && reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        name = reader.GetString();
                        nameOffset = reader.TokenStartIndex;
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        containers.Pop();
                        continue;
                }

                string path;
                if (containers.Count == 0)
                {
                    path = Root(style);
                }
                else
                {
                    var (parent, isArray, next) = containers.Pop();
                    containers.Push((parent, isArray, next + 1));
                    path = isArray ? Index(parent, next) : Property(style, parent, name ?? "");
                }

                if (wanted.Contains(path))
                {
                    found.TryAdd(path, new JsonSpot(reader.TokenStartIndex, reader.TokenType, containers.Count == 0 ? -1 : nameOffset, Preview(ref reader)));
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    containers.Push((path, reader.TokenType == JsonTokenType.StartArray, 0));
                }
            }
        }
        catch (JsonException)
        {
            // Broken JSON is reported by the syntax scan; what was found before the break stands.
        }

        return found;
    }

    private static string? Preview(ref Utf8JsonReader reader)
    {
        var text = reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null => Encoding.UTF8.GetString(reader.ValueSpan),
            _ => null,
        };
        return text is { Length: > PreviewLength } ? text[..PreviewLength] + "…" : text;
    }
}
