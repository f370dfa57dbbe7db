using System.Text.Json.Nodes;

namespace SessionHooks.Tests.Validation;

/// <summary>
/// The schemas are written for editors as much as for validation. Draft-07 ignores the siblings of a
/// <c>$ref</c>, so what an editor shows must sit on each property itself (EditorTests checks that VS
/// Code shows it); every allowed value says what it means; a pattern failure reads as words.
/// </summary>
public class SchemaAuthoringTests
{
    public static IEnumerable<TestCaseData> Schemas() =>
        Directory.GetFiles(Path.Combine(SchemaExamples.Folder, ".."), "*.schema.json").Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(f).SetArgDisplayNames(Path.GetFileName(f)));

    [TestCaseSource(nameof(Schemas))]
    public void EveryProperty_HasItsTitleAndDescription_EveryValueItsDescription_EveryPatternAMessage(string file)
    {
        var faults = new List<string>();
        Walk(JsonNode.Parse(File.ReadAllText(file))!, "#", faults);

        Assert.That(faults, Is.Empty);
    }

    private static void Walk(JsonNode? node, string pointer, List<string> faults)
    {
        switch (node)
        {
            case JsonObject schema:
                Check(schema, pointer, faults);
                foreach (var (name, child) in schema)
                {
                    Walk(child, $"{pointer}/{name}", faults);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{pointer}/{i}", faults);
                }

                break;
        }
    }

    private static void Check(JsonObject schema, string pointer, List<string> faults)
    {
        if (schema["properties"] is JsonObject properties && !pointer.EndsWith("/properties", StringComparison.Ordinal))
        {
            faults.AddRange(properties
                .Where(p => p.Value is not JsonObject property || property["title"] is null || (property["description"] ?? property["markdownDescription"]) is null)
                .Select(p => $"{pointer}/properties/{p.Key}: no title or no description of its own"));
        }

        if (schema["$ref"] is not null && schema.Count > 1)
        {
            faults.Add($"{pointer}: beside a $ref, where draft-07 and editors ignore it ({string.Join(", ", schema.Select(p => p.Key))})");
        }

        if (schema["enum"] is JsonArray values)
        {
            foreach (var descriptions in new[] { "enumDescriptions", "markdownEnumDescriptions" })
            {
                if (schema[descriptions] is JsonArray said ? said.Count != values.Count : descriptions == "enumDescriptions")
                {
                    faults.Add($"{pointer}: {descriptions} does not describe each of the {values.Count} values");
                }
            }
        }

        if (schema["pattern"] is not null && schema["errorMessage"] is null)
        {
            faults.Add($"{pointer}: a pattern without an errorMessage, so an editor would show the regular expression");
        }
    }
}
