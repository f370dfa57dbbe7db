using System.Text.Json;
using SessionHooks.Diagnostics;
using SessionHooks.Records;

namespace SessionHooks.Validation;

/// <summary>Finds a property name given twice in one object: legal JSON, but only one of the two values survives a read.</summary>
internal static class DuplicateProperties
{
    public static Diagnostic? Find(ReadOnlySpan<byte> json, LineIndex lines, string displayPath)
    {
        var names = new Stack<HashSet<string>>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = JsonSyntaxScan.MaxDepth * 2 });
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    names.Push(new HashSet<string>(StringComparer.Ordinal));
                    break;
                case JsonTokenType.EndObject:
                    names.Pop();
                    break;
                case JsonTokenType.PropertyName when !names.Peek().Add(reader.GetString()!):
                    var (line, column) = lines.At(json, reader.TokenStartIndex);
                    return DiagnosticCatalog.SchemaViolation.At(displayPath, line, column,
                        $"the property '{reader.GetString()}' appears twice in one object; only one value would be kept");
            }
        }

        return null;
    }
}
