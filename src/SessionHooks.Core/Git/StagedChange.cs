using SessionHooks.Records;

namespace SessionHooks.Git;

/// <summary>One path in a diff, with where it came from for renames and copies.</summary>
internal sealed record StagedChange(string Path, ChangeKind Change, string? OldPath = null);
