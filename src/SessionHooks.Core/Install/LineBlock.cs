namespace SessionHooks.Install;

/// <summary>
/// Lines SessionHooks needs in a user's <c>.gitattributes</c> or <c>.gitignore</c>: each added once,
/// under a header comment, so that uninstall removes exactly the lines install added and none
/// the user wrote, even the same line.
/// </summary>
internal static class LineBlock
{
    /// <summary>The text with the missing lines added, and which were missing.</summary>
    public static (string Text, IReadOnlyList<string> Added) Add(string? existing, string header, IReadOnlyList<string> lines)
    {
        var file = TextLines.Parse(existing ?? "");
        var missing = lines.Where(line => !file.Lines.Exists(l => l.Trim() == line)).ToList();
        if (missing.Count == 0)
        {
            return (existing ?? "", []);
        }

        var at = file.Lines.FindIndex(l => l.Trim() == header);
        if (at < 0)
        {
            if (file.Lines.Count > 0 && !string.IsNullOrWhiteSpace(file.Lines[^1]))
            {
                file.Add("");
            }

            file.Add(header);
            at = file.Lines.Count - 1;
        }

        var end = BlockEnd(file, at, lines);
        foreach (var line in missing)
        {
            file.Insert(end++, line);
        }

        return (file.ToString(), missing);
    }

    /// <summary>The text without our header and block, and which lines were removed; null when nothing else remains.</summary>
    public static (string? Text, IReadOnlyList<string> Removed) Remove(string existing, string header, IReadOnlyList<string> lines)
    {
        var file = TextLines.Parse(existing);
        var at = file.Lines.FindIndex(l => l.Trim() == header);
        if (at < 0)
        {
            return (existing, []);
        }

        var end = BlockEnd(file, at, lines);
        var removed = file.Lines.GetRange(at + 1, end - at - 1).Select(l => l.Trim()).ToList();
        file.Lines.RemoveRange(at, end - at);
        if (at > 0 && at == file.Lines.Count && string.IsNullOrWhiteSpace(file.Lines[at - 1]))
        {
            file.Lines.RemoveAt(at - 1); // the blank line install put before the header
        }

        return (file.IsBlank ? null : file.ToString(), removed);
    }

    private static int BlockEnd(TextLines file, int header, IReadOnlyList<string> lines)
    {
        var end = header + 1;
        while (end < file.Lines.Count && lines.Contains(file.Lines[end].Trim()))
        {
            end++;
        }

        return end;
    }
}
