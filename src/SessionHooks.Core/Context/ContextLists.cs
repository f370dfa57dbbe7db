using SessionHooks.Store;
using SessionHooks.Diagnostics;
using SessionHooks.Workflows;
using SessionHooks.Records;

namespace SessionHooks.Context;

/// <summary>Which list a note or cache command changes: the session's own or the repository's.</summary>
internal enum ContextList
{
    Notes,
    KnowledgeCache,
}

/// <summary>Context notes and the knowledge cache, of the branch's session or of the whole repository.</summary>
internal static class ContextLists
{
    /// <summary>The list as it is now; the repository's, or the current session's (empty when it is not registered yet).</summary>
    public static IReadOnlyList<string> Read(SessionContext context, ContextList list, bool repository)
    {
        ArgumentNullException.ThrowIfNull(context);
        var view = RecordView.Read(context.Store);
        if (repository)
        {
            return Pick(view.Registry, null, list);
        }

        var id = context.Store.ReadCurrentSession().Value?.Metadata.SessionId;
        return view.Find(id) is { } session ? Pick(view.Registry, session, list) : [];
    }

    /// <param name="value">A note already checked for secrets, or a cache path already normalized.</param>
    /// <returns>False when the value was there already.</returns>
    public static bool Add(SessionContext context, ContextList list, bool repository, string value) =>
        Change(context, list, repository, items =>
        {
            if (items.Contains(value))
            {
                return false;
            }

            items.Add(value);
            return true;
        });

    /// <param name="value">The exact text or path, or its 1-based number in 'list'.</param>
    public static string Remove(SessionContext context, ContextList list, bool repository, string value)
    {
        string? removed = null;
        Change(context, list, repository, items =>
        {
            var index = items.IndexOf(value);
            if (index < 0 && int.TryParse(value, out var number) && number >= 1 && number <= items.Count)
            {
                index = number - 1;
            }

            if (index < 0)
            {
                throw new SessionHooksException(DiagnosticCatalog.InvalidArgument.ForFile(value,
                    $"'{value}' is not in the list", "give the exact text or its number from the 'list' subcommand"));
            }

            removed = items[index];
            items.RemoveAt(index);
            return true;
        });
        return removed!;
    }

    private static bool Change(SessionContext context, ContextList list, bool repository, Func<List<string>, bool> change)
    {
        using var work = SessionWork.Begin(context);
        var items = repository ? work.View.EditRepositoryList(notes: list == ContextList.Notes) : Pick(work.View.Registry, work.Edit(), list);
        var changed = change(items);
        if (changed)
        {
            work.Save();
        }

        return changed;
    }

    private static List<string> Pick(AiSessions? sessions, Session? session, ContextList list) => list switch
    {
        ContextList.Notes => session?.ContextNotes ?? sessions?.ContextNotes ?? [],
        _ => session?.KnowledgeCache ?? sessions?.KnowledgeCache ?? [],
    };
}
