namespace SessionHooks.Records;

/// <summary>Finds the lines git writes around a conflict: <c>&lt;&lt;&lt;&lt;&lt;&lt;&lt; </c>, <c>=======</c>, <c>&gt;&gt;&gt;&gt;&gt;&gt;&gt; </c>.</summary>
internal static class ConflictMarkers
{
    /// <summary>The 1-based line of the first conflict marker, or null when there is none.</summary>
    public static int? Find(string text)
    {
        var line = 1;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            var content = text.AsSpan(start, (end < 0 ? text.Length : end) - start);
            if (IsMarker(content))
            {
                return line;
            }

            if (end < 0)
            {
                break;
            }

            start = end + 1;
            line++;
        }

        return null;
    }

    public static bool IsMarker(ReadOnlySpan<char> line) =>
        line.StartsWith("<<<<<<< ") || line.SequenceEqual("<<<<<<<") ||
        line.StartsWith(">>>>>>> ") || line.SequenceEqual(">>>>>>>") ||
        line.StartsWith("||||||| ") || line.TrimEnd('\r').SequenceEqual("=======");
}
