using System.Globalization;
using Microsoft.Win32.SafeHandles;
using SessionHooks.Ids;

namespace SessionHooks.Store;

/// <summary>
/// Remembers the <c>worklog.json</c> that the last tail append left: its length, last-write time
/// and a fingerprint of its last 4 KB, in one line beside the lock files. While the file still
/// matches, it is that file, whose start was token-checked whole before (see
/// <see cref="WorklogTail"/>), so the next append rewrites only its end without reading the
/// entries before it again: a commit's cost then stops growing with the worklog.
/// </summary>
/// <remarks>
/// Anything else that writes the file changes its time, and almost always its length and end
/// too: the store forgets the memo whenever it writes the worklog another way, and a merge, a
/// checkout or an editor leave a file that no longer matches, which the next append reads whole.
/// </remarks>
internal sealed class WorklogMemo(string memoPath)
{
    private const int FingerprintedBytes = 4096;

    /// <summary>The length of <paramref name="worklogPath"/> when it is the file last recorded, else null.</summary>
    public long? MatchingLength(string worklogPath)
    {
        try
        {
            var recorded = File.ReadAllText(memoPath);
            using var handle = File.OpenHandle(worklogPath);
            var (length, fingerprint) = Fingerprint(handle);
            return fingerprint.Length > 0 && fingerprint == recorded.TrimEnd('\n') ? length : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // No memo, no worklog, or one we cannot read: read the worklog whole.
            return null;
        }
    }

    /// <summary>Records <paramref name="worklogPath"/> as it is now; the caller holds its lock and has just written it appendable.</summary>
    public void Record(string worklogPath)
    {
        try
        {
            using var handle = File.OpenHandle(worklogPath);
            var (_, fingerprint) = Fingerprint(handle);
            if (fingerprint.Length == 0)
            {
                Forget();
                return;
            }

            // A torn or stale memo matches no file, so a plain write is enough: the worst it costs is one whole read.
            File.WriteAllText(memoPath, fingerprint + "\n");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Forget();
        }
    }

    public void Forget()
    {
        try
        {
            File.Delete(memoPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A memo that stays matches no file written after it.
        }
    }

    private static (long Length, string Fingerprint) Fingerprint(SafeFileHandle handle)
    {
        var length = RandomAccess.GetLength(handle);
        var tail = new byte[(int)Math.Min(length, FingerprintedBytes)];
        var read = 0;
        while (read < tail.Length && RandomAccess.Read(handle, tail.AsSpan(read), length - tail.Length + read) is var n and > 0)
        {
            read += n;
        }

        if (read < tail.Length || !WorklogTail.EndsAppendable(tail))
        {
            // Shorter than it said, or not ending as an append leaves it: matches no memo.
            return (length, "");
        }

        var written = File.GetLastWriteTimeUtc(handle).Ticks;
        return (length, string.Create(CultureInfo.InvariantCulture, $"{length} {written} {Fnv1a.Hex(tail)}"));
    }
}
