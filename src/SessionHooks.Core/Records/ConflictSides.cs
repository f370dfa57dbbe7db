using System.Text;

namespace SessionHooks.Records;

/// <summary>
/// Splits a file that holds git's conflict markers back into the two texts that were merged
/// ("ours" and "theirs"), so each can be parsed and merged by <see cref="SessionMerge"/>.
/// Handles the diff3 style (a <c>|||||||</c> base section, which belongs to neither side).
/// </summary>
internal static class ConflictSides
{
    public static (string Ours, string Theirs)? Split(string text)
    {
        var ours = new StringBuilder(text.Length);
        var theirs = new StringBuilder(text.Length);
        var section = Section.Both;
        var sawMarker = false;
        foreach (var line in text.Split('\n'))
        {
            var content = line.TrimEnd('\r');
            if (content.StartsWith("<<<<<<<", StringComparison.Ordinal) && section == Section.Both)
            {
                section = Section.Ours;
                sawMarker = true;
                continue;
            }

            if (content.StartsWith("|||||||", StringComparison.Ordinal) && section == Section.Ours)
            {
                section = Section.Base;
                continue;
            }

            if (content == "=======" && section is Section.Ours or Section.Base)
            {
                section = Section.Theirs;
                continue;
            }

            if (content.StartsWith(">>>>>>>", StringComparison.Ordinal) && section == Section.Theirs)
            {
                section = Section.Both;
                continue;
            }

            if (section is Section.Both or Section.Ours)
            {
                ours.Append(line).Append('\n');
            }

            if (section is Section.Both or Section.Theirs)
            {
                theirs.Append(line).Append('\n');
            }
        }

        // An unterminated conflict cannot be split with confidence.
        return sawMarker && section == Section.Both ? (ours.ToString(), theirs.ToString()) : null;
    }

    private enum Section
    {
        Both,
        Ours,
        Base,
        Theirs,
    }
}
