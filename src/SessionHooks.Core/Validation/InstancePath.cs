using System.Text;
using Newtonsoft.Json.Linq;

namespace SessionHooks.Validation;

/// <summary>
/// Where a value sits in a document, found from the value itself: as a JSON Pointer (RFC 6901,
/// what other validators report) and as a message names it (<c>sessions[0].id</c>). NJsonSchema's
/// own paths join names with dots, which a name holding a dot makes ambiguous.
/// </summary>
internal static class InstancePath
{
    /// <summary>The names and indexes from the root down to <paramref name="token"/> (a property counts as its value).</summary>
    public static List<object> Segments(JToken token)
    {
        var segments = new List<object>();
        var current = token is JProperty property ? property.Value : token;
        while (current.Parent is { } parent)
        {
            switch (parent)
            {
                case JProperty named:
                    segments.Add(named.Name);
                    current = named.Parent!;
                    break;
                case JArray array:
                    segments.Add(array.IndexOf(current));
                    current = array;
                    break;
                default:
                    current = parent;
                    break;
            }
        }

        segments.Reverse();
        return segments;
    }

    public static string Pointer(IEnumerable<object> segments) =>
        string.Concat(segments.Select(s => "/" + (s is string name ? name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal) : s.ToString())));

    /// <summary>How a message names the place: <c>'sessions[0].id'</c>, or "the file" for the root.</summary>
    public static string Display(IReadOnlyCollection<object> segments)
    {
        if (segments.Count == 0)
        {
            return "the file";
        }

        var text = new StringBuilder("'");
        foreach (var segment in segments)
        {
            if (segment is int index)
            {
                text.Append('[').Append(index).Append(']');
            }
            else
            {
                text.Append(text.Length > 1 ? "." : "").Append(segment);
            }
        }

        return text.Append('\'').ToString();
    }
}
