using System.Runtime.InteropServices;

namespace SessionHooks.Git;

/// <summary>Which libgit2 this process runs: LibGit2Sharp's own, shipped beside the program, never the system's.</summary>
internal static class LibGit2Library
{
    private static int located;

    /// <summary>The runtime folder name native files are shipped under: <c>linux-x64</c>, <c>linux-musl-x64</c>, <c>osx-arm64</c>…; null for others.</summary>
    public static string? RuntimeFolderName()
    {
        var os = OperatingSystem.IsLinux() ? (IsMusl() ? "linux-musl" : "linux")
            : OperatingSystem.IsMacOS() ? "osx"
            : OperatingSystem.IsWindows() ? "win"
            : null;
        var arch = RuntimeInformation.OSArchitecture switch
        {
            Architecture.X64 => "x64",
            Architecture.Arm64 => "arm64",
            _ => null,
        };
        return os is null || arch is null ? null : $"{os}-{arch}";
    }

    /// <summary>
    /// Lets the runtime find the libgit2 shipped beside LibGit2Sharp (<c>runtimes/&lt;rid&gt;/native/</c>)
    /// in a load context of its own. A program finds it by itself; an MSBuild task does not, since
    /// LibGit2Sharp then looks under the host's folder (MSBuild's), and its NativeLibraryPath setting
    /// looks for the file without its <c>lib</c> prefix on Linux and macOS (LibGit2Sharp 0.32).
    /// </summary>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("SingleFile", "IL3000", Justification = "An empty location (NativeAOT, single file) is checked: libgit2 is then beside the executable.")]
    internal static void Locate()
    {
        if (Interlocked.Exchange(ref located, 1) == 1)
        {
            return;
        }

        var libGit2Sharp = typeof(LibGit2Sharp.Repository).Assembly;
        if (libGit2Sharp.Location.Length == 0 || RuntimeFolderName() is not { } rid)
        {
            // NativeAOT: libgit2 sits beside the executable, where the runtime looks first.
            return;
        }

        var native = Path.Combine(Path.GetDirectoryName(libGit2Sharp.Location)!, "runtimes", rid, "native");
        var context = System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(libGit2Sharp);
        if (context is null || !Directory.Exists(native))
        {
            return;
        }

        // Asked only when the runtime's own search has failed, so a program's normal lookup is untouched.
        context.ResolvingUnmanagedDll += (_, name) =>
        {
            var file = OperatingSystem.IsWindows() ? name + ".dll" : "lib" + name + (OperatingSystem.IsMacOS() ? ".dylib" : ".so");
            return name.StartsWith("git2", StringComparison.Ordinal) && NativeLibrary.TryLoad(Path.Combine(native, file), out var handle)
                ? handle
                : IntPtr.Zero;
        };
    }

    private static bool IsMusl() => File.Exists("/lib/ld-musl-x86_64.so.1") || File.Exists("/lib/ld-musl-aarch64.so.1");

    /// <summary>LibGit2Sharp's version with the libgit2 build it was made for.</summary>
    public static string Version => LibGit2Sharp.GlobalSettings.Version.InformationalVersion;

    /// <summary>The libgit2 file mapped into this process (Linux: from <c>/proc/self/maps</c>); null when none is, or it cannot be told.</summary>
    public static string? LoadedFrom()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        foreach (var line in File.ReadLines("/proc/self/maps"))
        {
            var slash = line.IndexOf('/', StringComparison.Ordinal);
            if (slash > 0 && Path.GetFileName(line.AsSpan(slash)).StartsWith("libgit2", StringComparison.Ordinal))
            {
                return line[slash..].Trim();
            }
        }

        return null;
    }
}
