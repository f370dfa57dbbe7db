using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace SessionHooks.Validation;

/// <summary>A property the schema does not list, close enough to one it does to be a slip of the keyboard.</summary>
internal sealed record Misspelling(JObject Owner, JProperty Unknown, string Known);

/// <summary>
/// Unknown properties are allowed (newer versions and other tools add them) — so a misspelt one
/// would pass silently. This finds those within two edits of a listed property the object lacks.
/// </summary>
internal static class Misspellings
{
    private const int MaxEdits = 2;
    private const int MinLength = 4;

    public static List<Misspelling> Find(JToken root, JsonSchema schema)
    {
        var found = new List<Misspelling>();
        Walk(root, schema, found);
        return found;
    }

    private static void Walk(JToken token, JsonSchema schema, List<Misspelling> found)
    {
        var actual = schema.ActualSchema;
        if (token is JArray array && actual.Item is { } items)
        {
            foreach (var item in array)
            {
                Walk(item, items, found);
            }
        }

        if (token is not JObject obj)
        {
            return;
        }

        var known = actual.ActualProperties;
        foreach (var property in obj.Properties())
        {
            if (known.TryGetValue(property.Name, out var propertySchema))
            {
                Walk(property.Value, propertySchema, found);
                continue;
            }

            if (actual.AdditionalPropertiesSchema is { } additional)
            {
                Walk(property.Value, additional, found);
            }

            // With additionalProperties false the schema itself reports the property.
            if (actual.AllowAdditionalProperties && Closest(property.Name, known.Keys.Where(k => obj.Property(k) is null)) is { } match)
            {
                found.Add(new Misspelling(obj, property, match));
            }
        }
    }

    private static string? Closest(string name, IEnumerable<string> candidates) =>
        candidates
            .Where(c => c.Length >= MinLength)
            .Select(c => (Name: c, Distance: Distance(name.ToLowerInvariant(), c)))
            .Where(c => c.Distance <= MaxEdits)
            .OrderBy(c => c.Distance)
            .Select(c => c.Name)
            .FirstOrDefault();

    /// <summary>Edits (insert, delete, replace, swap two neighbours) that turn one name into the other.</summary>
    internal static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > MaxEdits)
        {
            return MaxEdits + 1;
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
