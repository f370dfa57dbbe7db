using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SessionHooks.Records;

/// <summary>
/// Writes an enum value as its member name in snake_case (<c>TypeChanged</c> → <c>type_changed</c>),
/// the names the session files and their schemas use, and reads it back in any case, or as the
/// value's number, as <see cref="JsonStringEnumConverter{TEnum}"/> would. That converter reads
/// its names from attributes by reflection, which cost every hook several milliseconds at start-up.
/// </summary>
internal sealed class SnakeCaseEnumConverter<T> : JsonConverter<T>
    where T : struct, Enum
{
    private static readonly T[] Values = Enum.GetValues<T>();
    private static readonly string[] Names = [.. Enum.GetNames<T>().Select(EnumNames.SnakeCase)];

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString();
            for (var index = 0; index < Names.Length; index++)
            {
                if (string.Equals(Names[index], text, StringComparison.OrdinalIgnoreCase))
                {
                    return Values[index];
                }
            }
        }
        else if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number))
        {
            foreach (var value in Values)
            {
                if (Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) == number)
                {
                    return value;
                }
            }
        }

        // Read as the converter's own message, so the diagnostic can say what the file should hold.
        throw new JsonException("expected one of: " + string.Join(", ", Names));
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(EnumNames.Of(value));
    }
}

/// <summary>The one rule that names enum values in the session files: snake_case member names.</summary>
internal static class EnumNames
{
    public static string Of<T>(T value)
        where T : struct, Enum => SnakeCase(value.ToString());

    public static string SnakeCase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = new StringBuilder(name.Length + 4);
        for (var index = 0; index < name.Length; index++)
        {
            var letter = name[index];
            if (char.IsUpper(letter) && index > 0 && (char.IsLower(name[index - 1]) || char.IsDigit(name[index - 1])))
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(letter));
        }

        return text.ToString();
    }
}
