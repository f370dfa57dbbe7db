using SessionHooks.Records;

namespace SessionHooks.Git;

/// <summary>
/// Reads what <c>git diff-index --name-status -z</c> prints: a status field then one path, or two
/// (from, to) for renames and copies, each ended by a NUL. With <c>-z</c> paths come verbatim:
/// no quoting, whatever characters they hold.
/// </summary>
internal static class NameStatus
{
    public static List<StagedChange> Parse(string output)
    {
        // Every field ends in a NUL, so what follows the last one is not a field.
        var fields = output.Split('\0');
        var count = fields.Length - 1;
        var changes = new List<StagedChange>();
        for (var i = 0; i < count && fields[i].Length > 0;)
        {
            var status = fields[i++][0];
            if (status is 'R' or 'C')
            {
                if (i + 1 >= count)
                {
                    break;
                }

                var from = fields[i++];
                changes.Add(new StagedChange(fields[i++], status == 'R' ? ChangeKind.Renamed : ChangeKind.Copied, from));
                continue;
            }

            if (i >= count)
            {
                break;
            }

            var path = fields[i++];
            if (KindOf(status) is { } kind)
            {
                changes.Add(new StagedChange(path, kind));
            }
        }

        return changes;
    }

    private static ChangeKind? KindOf(char status) => status switch
    {
        'A' => ChangeKind.Added,
        'D' => ChangeKind.Deleted,
        'M' => ChangeKind.Modified,
        'T' => ChangeKind.TypeChanged,

        // An unresolved conflict cannot be committed; should one be asked about, it is a modification.
        'U' => ChangeKind.Modified,
        _ => null,
    };
}
