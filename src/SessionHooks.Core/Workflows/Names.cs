using SessionHooks.Records;

namespace SessionHooks.Workflows;

/// <summary>The names the session files use for their enumerations, and back.</summary>
internal static class Names
{
    public static string Of<T>(T value)
        where T : struct, Enum => EnumNames.Of(value);

    public static IReadOnlyList<string> All<T>()
        where T : struct, Enum => [.. Enum.GetValues<T>().Select(v => Of(v))];

    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Of(candidate), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
