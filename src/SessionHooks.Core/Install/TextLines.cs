namespace SessionHooks.Install;

/// <summary>
/// A user's text file as lines, written back with its own line ends and final newline (or lack
/// of one), so that editing one line leaves every other byte as it was.
/// </summary>
internal sealed class TextLines
{
    private TextLines(List<string> lines, string newLine, bool endsWithNewLine)
    {
        Lines = lines;
        NewLine = newLine;
        EndsWithNewLine = endsWithNewLine;
    }

    public List<string> Lines { get; }

    public string NewLine { get; }

    public bool EndsWithNewLine { get; private set; }

    public static TextLines Parse(string text)
    {
        var newLine = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var endsWithNewLine = text.EndsWith('\n');
        var body = endsWithNewLine ? text[..^1].TrimEnd('\r') : text;
        var lines = body.Length == 0 && (endsWithNewLine || text.Length == 0)
            ? []
            : body.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        return new TextLines(lines, newLine, endsWithNewLine || text.Length == 0);
    }

    public void Insert(int index, string line)
    {
        Lines.Insert(index, line);
        EndsWithNewLine = true;
    }

    public void Add(string line) => Insert(Lines.Count, line);

    public bool IsBlank => Lines.All(string.IsNullOrWhiteSpace);

    public override string ToString() =>
        Lines.Count == 0 ? "" : string.Join(NewLine, Lines) + (EndsWithNewLine ? NewLine : "");
}
