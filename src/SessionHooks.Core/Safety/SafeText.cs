using System.Globalization;
using System.Text;

namespace SessionHooks.Safety;

/// <summary>
/// Text from session files, git and repositories (titles, notes, summaries, branch and file names,
/// hook lines) made safe to show: on a terminal it cannot move the cursor, recolour, retitle or
/// reorder what follows (no control characters, no escape sequences, no bidirectional overrides),
/// and in Markdown it cannot start a line, a heading, a list, a code block or HTML of its own.
/// Everything SessionHooks prints or renders from such text goes through here.
/// </summary>
internal static class SafeText
{
    // The characters that open code, links, images, HTML or entities anywhere in a line. Emphasis
    // (* _ ~) only changes how text looks, so it is left readable.
    private const string MarkdownActive = "\\`[]<>&";

    /// <summary>
    /// One line for a terminal: line breaks as <c>\n</c>, tabs as a space, every other control
    /// character and bidirectional override as a visible <c>\u001b</c>-style escape.
    /// </summary>
    public static string Terminal(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(NeedsEscape))
        {
            return text ?? "";
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => " ",
                _ when NeedsEscape(c) => Visible(c),
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>
    /// Text for inside a Markdown line (after a label, in a heading): line breaks become spaces,
    /// control characters visible escapes, and the characters that open code, links, images, HTML
    /// or entities are backslash-escaped.
    /// </summary>
    public static string Markdown(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text.Trim())
        {
            if (c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085' or '\t')
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else if (NeedsEscape(c))
            {
                builder.Append(Visible(c));
            }
            else
            {
                if (MarkdownActive.Contains(c, StringComparison.Ordinal))
                {
                    builder.Append('\\');
                }

                builder.Append(c);
            }
        }

        if (builder.Length > 0 && builder[^1] == '#')
        {
            // A heading's closing sequence would swallow it.
            builder.Insert(builder.Length - 1, '\\');
        }

        return builder.ToString();
    }

    /// <summary>
    /// As <see cref="Markdown"/>, for text that starts a list item: a start that would open a block
    /// of its own (a list, a heading, a quote, a thematic break, a numbered item) is escaped too.
    /// </summary>
    public static string MarkdownItem(string? text)
    {
        var builder = new StringBuilder(Markdown(text));
        EscapeBlockStart(builder);
        return builder.ToString();
    }

    /// <summary>
    /// JSON text for a terminal: what its encoder leaves as it is but <see cref="Terminal"/> would
    /// not (bidirectional overrides, line separators) written as <c>\uXXXX</c> escapes, which
    /// mean the same inside a JSON string (the only place such characters can be).
    /// </summary>
    public static string Json(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        // Line feeds, returns and tabs outside strings are the layout; inside strings the encoder escaped them.
        static bool Escape(char c) => c is not '\n' and not '\r' and not '\t' && NeedsEscape(c);
        if (!json.Any(Escape))
        {
            return json;
        }

        var builder = new StringBuilder(json.Length + 16);
        foreach (var c in json)
        {
            builder.Append(Escape(c) ? Visible(c) : c.ToString());
        }

        return builder.ToString();
    }

    /// <summary>An inline code span holding <paramref name="text"/> as it is (a path, a name): no backtick in it can close it.</summary>
    public static string CodeSpan(string? text)
    {
        var shown = Terminal(text);
        var longest = 0;
        var run = 0;
        foreach (var c in shown)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', longest + 1);
        var pad = shown.StartsWith('`') || shown.EndsWith('`') ? " " : "";
        return fence + pad + shown + pad + fence;
    }

    /// <summary>
    /// A fenced code block holding <paramref name="content"/> as it is: the fence is longer than any
    /// run of backticks in it, so nothing inside can close it; control characters other than line
    /// feeds and tabs are shown as visible escapes.
    /// </summary>
    public static string CodeBlock(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var longest = 0;
        var run = 0;
        foreach (var c in content)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', Math.Max(3, longest + 1));
        var body = new StringBuilder(content.Length + 16);
        foreach (var c in content.Replace("\r\n", "\n", StringComparison.Ordinal))
        {
            if (c is not '\n' and not '\t' && NeedsEscape(c))
            {
                body.Append(Visible(c));
            }
            else
            {
                body.Append(c);
            }
        }

        if (body.Length > 0 && body[^1] != '\n')
        {
            body.Append('\n');
        }

        return $"{fence}\n{body}{fence}\n";
    }

    private static bool NeedsEscape(char c) =>
        char.IsControl(c)
        || c is '\u2028' or '\u2029' or '\u061C' or '\u200E' or '\u200F'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';

    private static string Visible(char c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");

    // After a list marker or a heading's hashes, text starting with one of these would open a block
    // (a list, a heading, a thematic break, a setext underline, a table, a fence).
    private static void EscapeBlockStart(StringBuilder text)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (text[0] is '-' or '+' or '*' or '=' or '#' or ':' or '|' or '~' or '_')
        {
            text.Insert(0, '\\');
            return;
        }

        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        if (digits > 0 && digits < text.Length && text[digits] is '.' or ')')
        {
            text.Insert(digits, '\\');
        }
    }
}
