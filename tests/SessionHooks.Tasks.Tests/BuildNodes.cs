namespace SessionHooks.Tasks.Tests.Package;

/// <summary>The MSBuild worker nodes alive on this machine that carry a given handshake salt, seen through /proc.</summary>
public static class BuildNodes
{
    public static IReadOnlyList<int> Running(string salt)
    {
        var nodes = new List<int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid))
            {
                continue;
            }

            var commandLine = Read(Path.Combine(folder, "cmdline"));
            if (commandLine.Contains("nodemode", StringComparison.OrdinalIgnoreCase) && Read(Path.Combine(folder, "environ")).Contains("MSBUILDNODEHANDSHAKESALT=" + salt + "\0", StringComparison.Ordinal))
            {
                nodes.Add(pid);
            }
        }

        return nodes;
    }

    /// <summary>The files a process holds open right now.</summary>
    public static IEnumerable<string> OpenFiles(int pid)
    {
        var links = new List<string>();
        try
        {
            foreach (var descriptor in Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd"))
            {
                if (new FileInfo(descriptor).LinkTarget is { } target)
                {
                    links.Add(target);
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The process ended while being looked at: it holds nothing.
        }

        return links;
    }

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
