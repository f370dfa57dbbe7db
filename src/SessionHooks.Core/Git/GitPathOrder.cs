using System.Text;

namespace SessionHooks.Git;

/// <summary>Orders paths as git lists them: by their UTF-8 bytes.</summary>
internal sealed class GitPathOrder : IComparer<string>
{
    public static GitPathOrder Instance { get; } = new();

    public int Compare(string? x, string? y) =>
        Encoding.UTF8.GetBytes(x ?? "").AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(y ?? ""));
}
