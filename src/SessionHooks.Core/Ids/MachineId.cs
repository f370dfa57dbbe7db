using System.Security.Cryptography;
using System.Text;

namespace SessionHooks.Ids;

/// <summary>
/// A stable id of this machine that says nothing about it: 12 hex characters of a keyed hash of
/// the OS machine id (or the host name where there is none). Session files are committed and
/// shared, so the raw machine id, which other programs may use as a secret, never goes in them.
/// </summary>
/// <remarks>
/// The keyed hash needs OpenSSL, which costs each hook about 3 ms to load, so the id is kept in
/// the user's cache folder beside a fingerprint of its source, and used while the source matches
/// (a home folder shared by several machines gets each machine's own id).
/// </remarks>
internal static class MachineId
{
    private static readonly Lazy<string> Value = new(() => Resolve(ReadSource(), CacheFile()));

    // Keyed, as machine-id(5) asks of applications, so the value cannot be matched with another tool's.
    private static readonly byte[] Key = "sessionhooks.machine"u8.ToArray();

    private static readonly string[] Sources = ["/etc/machine-id", "/var/lib/dbus/machine-id"];

    public static string Current => Value.Value;

    internal static string From(string source)
    {
        var hash = HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(source));
        return Convert.ToHexStringLower(hash)[..12];
    }

    /// <summary>The id of <paramref name="source"/>, from <paramref name="cacheFile"/> when it holds it, else computed and cached.</summary>
    internal static string Resolve(string source, string? cacheFile)
    {
        var fingerprint = Fnv1a.Hex(source);
        if (cacheFile is null)
        {
            return From(source);
        }

        try
        {
            var cached = File.ReadAllText(cacheFile).Split(' ', '\n');
            if (cached.Length >= 2 && cached[0] == fingerprint && cached[1].Length == 12 && cached[1].All(char.IsAsciiHexDigitLower))
            {
                return cached[1];
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // No cache yet, or an unreadable one: compute the id and try to write it.
        }

        var id = From(source);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(cacheFile)!);
            var temp = $"{cacheFile}.{Environment.ProcessId}.tmp";
            File.WriteAllText(temp, $"{fingerprint} {id}\n");
            File.Move(temp, cacheFile, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written only costs the next run the computation.
        }

        return id;
    }

    private static string ReadSource() => ReadOsMachineId() ?? "host:" + Environment.MachineName;

    /// <summary><c>$XDG_CACHE_HOME/sessionhooks/machine-id</c>, else <c>~/.cache/…</c>; null when there is no home.</summary>
    private static string? CacheFile()
    {
        var root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(root) || !Path.IsPathRooted(root))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            if (string.IsNullOrEmpty(home))
            {
                return null;
            }

            root = Path.Combine(home, ".cache");
        }

        return Path.Combine(root, "sessionhooks", "machine-id");
    }

    private static string? ReadOsMachineId()
    {
        foreach (var path in Sources)
        {
            try
            {
                var text = File.ReadAllText(path).Trim();
                if (text.Length > 0)
                {
                    return text;
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Containers and non-Linux systems often have neither file: the host name will do.
            }
        }

        return null;
    }
}
