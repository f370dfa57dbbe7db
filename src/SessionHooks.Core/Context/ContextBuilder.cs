using SessionHooks.Store;
using SessionHooks.Workflows;
using SessionHooks.Records;

namespace SessionHooks.Context;

/// <summary>Gathers an assistant's starting context from the session files. Reads only; writes nothing.</summary>
internal static class ContextBuilder
{
    private const int OtherSessionsShown = 5;

    public static AssistantContext Build(SessionContext context, bool includeFiles, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(context);
        var head = context.Git.Head;
        var view = RecordView.Read(context.Store);
        var sessions = view.Registry;
        var current = context.Store.ReadCurrentSession().Value;
        var id = current?.Metadata.SessionId;
        var session = id is null ? null : sessions?.Find(id);
        var all = sessions?.Sessions ?? [];

        var cache = (sessions?.KnowledgeCache ?? []).Select(p => (p, "repository"))
            .Concat((session?.KnowledgeCache ?? []).Select(p => (p, "session")));
        var earlier = all.Where(s => s.Id != id && s.Branch == head.Branch).OrderByDescending(s => s.LastUpdated).ToList();
        var others = all.Where(s => s.Id != id && s.Branch != head.Branch && !string.IsNullOrEmpty(s.Summary))
            .OrderByDescending(s => s.LastUpdated).Take(OtherSessionsShown).ToList();

        return new AssistantContext(
            head.Branch,
            id,
            session?.Title ?? current?.Metadata.MainTopic ?? "(no session yet: run 'session start')",
            session is null ? (current is null ? null : "started") : Names.Of(session.Status),
            session?.Issues ?? current?.Metadata.LinkedIssues ?? [],
            // From the records, not the cache: they are what the session carries wherever it goes.
            session is null ? [] : [.. session.Backlog.Where(b => !b.Done && b.Kind == BacklogKind.Task).Select(b => b.Text)],
            session is null ? [] : [.. view.EntriesOf(session.Id).Where(e => e.Kind == WorklogKind.Decision && !string.IsNullOrEmpty(e.Text)).Select(e => e.Text!)],
            sessions?.ContextNotes ?? [],
            session?.ContextNotes ?? [],
            KnowledgeFiles.Load(context.WorktreeRoot, cache, includeFiles, maxBytes),
            earlier,
            others,
            Backlog.Open(sessions, id));
    }
}
