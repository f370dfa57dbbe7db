using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace SessionHooks.Git;

/// <summary>
/// LibGit2Sharp 0.29 asks for <c>git2-a2bde63</c>, the name of its own NativeBinaries build.
/// That package is not available, so the system's libgit2 1.5 stands in for it.
/// </summary>
internal static class NativeLibGit2
{
    private static readonly string[] Candidates =
    [
        "libgit2.so.1.5",
        "libgit2.so.1.7",
        "libgit2.so.1.6",
        "libgit2.so",
        "libgit2.1.5.dylib",
        "libgit2.dylib",
        "git2",
    ];

    private static int registered;

    /// <summary>Registers the resolver once per process, in the load context that holds LibGit2Sharp.</summary>
    public static void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref registered, 1) == 1)
        {
            return;
        }

        var libGit2Sharp = typeof(LibGit2Sharp.Repository).Assembly;
        var context = AssemblyLoadContext.GetLoadContext(libGit2Sharp) ?? AssemblyLoadContext.Default;
        context.ResolvingUnmanagedDll += Resolve;
    }

    private static IntPtr Resolve(Assembly assembly, string name)
    {
        if (!name.StartsWith("git2", StringComparison.Ordinal) && !name.StartsWith("libgit2", StringComparison.Ordinal))
        {
            return IntPtr.Zero;
        }

        var overridePath = Environment.GetEnvironmentVariable("SESSIONHOOKS_LIBGIT2");
        if (!string.IsNullOrEmpty(overridePath) && NativeLibrary.TryLoad(overridePath, out var handle))
        {
            return handle;
        }

        foreach (var candidate in Candidates)
        {
            if (NativeLibrary.TryLoad(candidate, out handle))
            {
                return handle;
            }
        }

        return IntPtr.Zero;
    }
}
