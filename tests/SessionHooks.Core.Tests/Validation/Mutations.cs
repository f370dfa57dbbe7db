using System.Globalization;
using System.Text.Json.Nodes;

namespace SessionHooks.Tests.Validation;

/// <summary>
/// One-change variants of a valid document: each value removed, replaced by a value of every
/// JSON type, and bent the ways validators disagree on; each object given a stray and a misspelt
/// property; each array given one more item.
/// </summary>
public static class Mutations
{
    private static readonly JsonNode?[] OtherTypes =
        [JsonValue.Create(123), JsonValue.Create(-1.5), JsonValue.Create("x"), JsonValue.Create(""), null, JsonValue.Create(true), new JsonArray(), new JsonObject()];

    // Written as JSON text, so that 1.0 stays 1.0 and 1e400 stays what it says.
    private static readonly string[] Numbers =
        ["1.0", "2.0", "1e0", "20e-1", "0", "-0.0", "3", "0.5", "-1", "-1e-400", "1e400", "87600", "87600.000000000001", "2.0000000000000001"];

    public static IEnumerable<(string What, JsonNode Mutant)> Of(JsonNode root)
    {
        var places = new List<(string Path, JsonNode? Value)>();
        Collect(root, "", places);
        foreach (var (path, value) in places)
        {
            yield return ($"{path} removed", With(root, path, remove: true));
            foreach (var other in OtherTypes)
            {
                yield return ($"{path} = {other?.ToJsonString() ?? "null"}", With(root, path, other?.DeepClone()));
            }

            if (value is JsonValue scalar && scalar.TryGetValue<string>(out var text))
            {
                foreach (var (how, bent) in Bent(text))
                {
                    yield return ($"{path} {how}", With(root, path, JsonValue.Create(bent)));
                }
            }

            if (value is JsonValue number && number.GetValueKind() == System.Text.Json.JsonValueKind.Number)
            {
                foreach (var written in Numbers)
                {
                    yield return ($"{path} = {written}", With(root, path, JsonNode.Parse(written)));
                }
            }

            if (value is JsonObject)
            {
                yield return ($"{path} + a stray property", With(root, path + "/stray_x", JsonValue.Create(1)));
            }

            if (value is JsonArray array)
            {
                yield return ($"{path} + null", With(root, $"{path}/{array.Count}", null));
                if (array.Count > 0)
                {
                    yield return ($"{path} + a copy of its first item", With(root, $"{path}/{array.Count}", array[0]?.DeepClone()));
                }
            }
        }

        foreach (var (path, value) in places.Where(p => p.Value is JsonObject))
        {
            foreach (var name in ((JsonObject)value!).Select(p => p.Key).Where(n => n.Length > 3).ToList())
            {
                var misspelt = name[1..2] + name[..1] + name[2..];
                var mutant = root.DeepClone();
                var obj = Find(mutant, path)!.AsObject();
                var moved = obj[name]?.DeepClone();
                obj.Remove(name);
                obj[misspelt] = moved;
                yield return ($"{path}/{name} misspelt", mutant);
            }
        }
    }

    /// <summary>A string bent the ways the standard is easy to get wrong.</summary>
    private static IEnumerable<(string How, string Text)> Bent(string text)
    {
        yield return ("+ \\n", text + "\n");
        yield return ("+ \\r\\n", text + "\r\n");
        yield return ("\\n +", "\n" + text);
        yield return ("+ space", text + " ");
        yield return ("+ an Arabic-Indic digit", text + "\u0663");
        yield return ("+ é", text + "é");
        yield return ("+ a surrogate pair", text + "\U0001F600");
        yield return ("+ a tab", text + "\t");
        yield return ("upper-cased", text.ToUpperInvariant());
        yield return ("+ x", text + "x");
        yield return ("doubled", text + text);
        yield return ("+ U+2028", text + "\u2028");
        yield return ("+ a no-break space", text + "\u00a0");
        yield return ("+ NUL", text + "\0");
        yield return ("+ a backslash", text + "\\");
        yield return ("+ :", text + ":");
        yield return ("+ a combining acute", text + "\u0301");
        yield return ("1000 characters", new string('x', 1000));
        yield return ("1001 characters", new string('x', 1001));
        yield return ("1000 surrogate pairs (2000 UTF-16 units)", string.Concat(Enumerable.Repeat("\U0001F600", 1000)));
        yield return ("1001 surrogate pairs", string.Concat(Enumerable.Repeat("\U0001F600", 1001)));
        if (text.Length > 0)
        {
            yield return ("less its last character", text[..^1]);
            var digit = text.IndexOf(text.FirstOrDefault(char.IsAsciiDigit));
            if (digit >= 0 && char.IsAsciiDigit(text[digit]))
            {
                yield return ("with its first digit Arabic-Indic", text[..digit] + (char)('\u0660' + (text[digit] - '0')) + text[(digit + 1)..]);
            }
        }
    }

    private static void Collect(JsonNode? node, string path, List<(string, JsonNode?)> places)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    places.Add(($"{path}/{name}", value));
                    Collect(value, $"{path}/{name}", places);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    places.Add(($"{path}/{i}", array[i]));
                    Collect(array[i], $"{path}/{i}", places);
                }

                break;
        }
    }

    /// <summary>A copy of <paramref name="root"/> with the value at <paramref name="path"/> set, added or removed.</summary>
    private static JsonNode With(JsonNode root, string path, JsonNode? value = null, bool remove = false)
    {
        var mutant = root.DeepClone();
        var cut = path.LastIndexOf('/');
        var parent = Find(mutant, path[..cut])!;
        var last = path[(cut + 1)..];
        if (parent is JsonArray array)
        {
            var index = int.Parse(last, CultureInfo.InvariantCulture);
            if (remove)
            {
                array.RemoveAt(index);
            }
            else if (index == array.Count)
            {
                array.Add(value);
            }
            else
            {
                array[index] = value;
            }
        }
        else if (remove)
        {
            parent.AsObject().Remove(last);
        }
        else
        {
            parent.AsObject()[last] = value;
        }

        return mutant;
    }

    private static JsonNode? Find(JsonNode root, string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Aggregate((JsonNode?)root, (node, segment) => node is JsonArray array ? array[int.Parse(segment, CultureInfo.InvariantCulture)] : node![segment]);
}
