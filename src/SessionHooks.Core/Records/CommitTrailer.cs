namespace SessionHooks.Records;

/// <summary>
/// The <c>Session-Id</c> trailer every commit carries (docs/records.md): the line that makes a
/// commit its own worklog entry, and travels with it through amend, rebase and cherry-pick.
/// </summary>
internal static class CommitTrailer
{
    public const string Key = "Session-Id";

    /// <summary>
    /// The session the message's trailer block names (its last <c>Session-Id</c>), or null. The
    /// trailer block is the message's last paragraph; comment lines and anything after git's
    /// scissors line are not part of the message.
    /// </summary>
    public static string? SessionOf(string message, char commentChar = '#')
    {
        string? found = null;
        foreach (var line in LastParagraph(message, commentChar))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line.AsSpan(0, colon).Trim().Equals(Key, StringComparison.OrdinalIgnoreCase))
            {
                var value = line[(colon + 1)..].Trim();
                found = RecordPaths.IsSafeName(value) ? value : found;
            }
        }

        return found;
    }

    /// <summary>True when the message holds something besides comments, blank lines and our trailer: git would commit it.</summary>
    public static bool HasText(string message, char commentChar = '#') =>
        MessageLines(message, commentChar).Any(line => line.Trim().Length > 0 && !IsOurs(line));

    /// <summary>The line to add: <c>Session-Id: 20261121-k3f9q</c>.</summary>
    public static string Line(string sessionId) => $"{Key}: {sessionId}";

    private static bool IsOurs(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && line.AsSpan(0, colon).Trim().Equals(Key, StringComparison.OrdinalIgnoreCase);
    }

    private static List<string> LastParagraph(string message, char commentChar)
    {
        var lines = MessageLines(message, commentChar);
        var end = lines.FindLastIndex(l => l.Trim().Length > 0);
        if (end < 0)
        {
            return [];
        }

        var start = end;
        while (start > 0 && lines[start - 1].Trim().Length > 0)
        {
            start--;
        }

        // A message of one paragraph is a subject, not a trailer block.
        return start == 0 ? [] : lines.GetRange(start, end - start + 1);
    }

    private static List<string> MessageLines(string message, char commentChar)
    {
        var lines = new List<string>();
        foreach (var raw in message.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length > 0 && line[0] == commentChar)
            {
                // "# ------------------------ >8 ------------------------": git drops everything below.
                if (line.Contains(">8", StringComparison.Ordinal) && line.Contains("-----", StringComparison.Ordinal))
                {
                    break;
                }

                continue;
            }

            lines.Add(line);
        }

        return lines;
    }
}
