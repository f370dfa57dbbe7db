using System.Security.Cryptography;
using System.Text;

namespace SessionHooks.Ids;

/// <summary>
/// A stable id of this machine that says nothing about it: 12 hex characters of a keyed hash of
/// the OS machine id (or the host name where there is none). Session files are committed and
/// shared, so the raw machine id, which other programs may use as a secret, never goes in them.
/// </summary>
public static class MachineId
{
    private static readonly Lazy<string> Value = new(Compute);

    // Keyed, as machine-id(5) asks of applications, so the value cannot be matched with another tool's.
    private static readonly byte[] Key = "sessionhooks.machine"u8.ToArray();

    private static readonly string[] Sources = ["/etc/machine-id", "/var/lib/dbus/machine-id"];

    public static string Current => Value.Value;

    internal static string From(string source)
    {
        var hash = HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(source));
        return Convert.ToHexStringLower(hash)[..12];
    }

    private static string Compute() => From(ReadOsMachineId() ?? "host:" + Environment.MachineName);

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
