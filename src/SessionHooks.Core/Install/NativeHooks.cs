namespace SessionHooks.Install;

/// <summary>
/// A hooks folder holds the framework-dependent programs (<c>*.dll</c>, run by <c>dotnet</c> on any
/// runtime) and, in a folder named for a runtime (<c>linux-x64/</c>), the same hook programs compiled
/// to native code. Install points the clone at the native folder when there is one for this machine;
/// the <c>session</c> CLI stays in the folder above, where the launcher also looks for it.
/// </summary>
internal static class NativeHooks
{
    /// <summary>The native folder for this machine when it holds every hook program, else <paramref name="hooksFolder"/>.</summary>
    public static string Choose(string hooksFolder)
    {
        if (IsNativeFolder(hooksFolder) || RuntimeFolderName() is not { } name)
        {
            return hooksFolder;
        }

        var native = Path.Combine(hooksFolder, name);
        return InstallLayout.Programs.Where(p => p != "session").All(p => File.Exists(Path.Combine(native, p))) ? native : hooksFolder;
    }

    public static bool IsNativeFolder(string folder) => Path.GetFileName(folder) == RuntimeFolderName();

    /// <summary>The runtime the native programs must be built for: <c>linux-x64</c>, <c>linux-musl-x64</c>, <c>osx-arm64</c>…</summary>
    public static string? RuntimeFolderName() => Git.LibGit2Library.RuntimeFolderName();
}
