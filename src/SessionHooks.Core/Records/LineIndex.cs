using System.Text;

namespace SessionHooks.Records;

/// <summary>
/// Turns byte offsets in a UTF-8 file into the 1-based line and column an editor shows. Columns
/// count UTF-16 characters, as editors and MSBuild do, not bytes.
/// </summary>
internal sealed class LineIndex
{
    private readonly int[] starts;

    private LineIndex(int[] starts) => this.starts = starts;

    public static LineIndex Build(ReadOnlySpan<byte> utf8)
    {
        var starts = new List<int> { 0 };
        var offset = 0;
        while (true)
        {
            var next = utf8[offset..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            offset += next + 1;
            starts.Add(offset);
        }

        return new LineIndex([.. starts]);
    }

    public int LineCount => starts.Length;

    public (int Line, int Column) At(ReadOnlySpan<byte> utf8, long offset)
    {
        var clamped = (int)Math.Clamp(offset, 0, utf8.Length);
        var line = Array.BinarySearch(starts, clamped);
        if (line < 0)
        {
            line = ~line - 1;
        }

        var start = starts[line];
        return (line + 1, Encoding.UTF8.GetCharCount(utf8[start..clamped]) + 1);
    }

    /// <summary>The position System.Text.Json reports as a 0-based line and a byte offset in it.</summary>
    public (int Line, int Column) AtLineByte(ReadOnlySpan<byte> utf8, long line, long byteInLine)
    {
        var index = (int)Math.Clamp(line, 0, starts.Length - 1);
        return At(utf8, starts[index] + byteInLine);
    }

    public long OffsetOf(long line, long byteInLine) =>
        starts[(int)Math.Clamp(line, 0, starts.Length - 1)] + byteInLine;
}
