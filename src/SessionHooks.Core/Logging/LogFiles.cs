using System.Globalization;

namespace SessionHooks.Logging;

/// <summary>
/// Which file a run logs to: <c>sessionhooks-&lt;UTC date&gt;.log</c>, then <c>_001</c>, <c>_002</c>…
/// once a file reaches the size cap; when a run starts a new file, all but the newest few are
/// deleted. Chosen once per process, from the UTC date, so no time zone is ever loaded (Serilog's
/// rolling sink asks for the local time on every event).
/// </summary>
internal static class LogFiles
{
    public const string Prefix = "sessionhooks-";

    /// <summary>The file to append to, or null when none can be used.</summary>
    public static string? Choose(string folder, DateTime utcNow, long sizeLimit, int retained)
    {
        var stem = Path.Combine(folder, Prefix + utcNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        for (var sequence = 0; sequence < 1000; sequence++)
        {
            var path = sequence == 0 ? stem + ".log" : string.Create(CultureInfo.InvariantCulture, $"{stem}_{sequence:000}.log");
            var file = new FileInfo(path);
            if (file.Exists)
            {
                if (file.Length < sizeLimit)
                {
                    return path;
                }
            }
            else if (!Directory.Exists(path))
            {
                Prune(folder, keep: retained - 1);
                return path;
            }
        }

        return null;
    }

    /// <summary>Deletes all but the <paramref name="keep"/> newest log files; another process may be doing the same.</summary>
    private static void Prune(string folder, int keep)
    {
        try
        {
            // Names sort by date, and within a day "x.log" before "x_001.log" ('.' < '_').
            var files = Directory.GetFiles(folder, Prefix + "*.log").Order(StringComparer.Ordinal).ToList();
            foreach (var old in files.Take(Math.Max(0, files.Count - keep)))
            {
                File.Delete(old);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Pruning is housekeeping: a file another process deleted first, or cannot delete, is left.
        }
    }
}
