using System.Text.Json.Nodes;
using SessionHooks.Records;
using SessionHooks.Workflows;

namespace SessionHooks.Context;

/// <summary>The assistant's context as JSON for programs; <c>schema_version</c> says which shape it has.</summary>
internal static class ContextJson
{
    public static JsonObject Render(AssistantContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var json = new JsonObject
        {
            ["schema_version"] = AssistantContext.SchemaVersion,
            ["branch"] = context.Branch,
            ["session_id"] = context.SessionId,
            ["status"] = context.Status,
            ["focus"] = context.Focus,
            ["issues"] = Strings(context.Issues),
            ["handoff"] = context.Handoff is { } handoff ? Session(handoff) : null,
            ["pending_tasks"] = Strings(context.PendingTasks),
            ["decisions"] = Strings(context.Decisions),
            ["context_notes"] = new JsonObject { ["repository"] = Strings(context.RepositoryNotes), ["session"] = Strings(context.SessionNotes) },
            ["knowledge_cache"] = new JsonArray([.. context.KnowledgeCache.Select(f => (JsonNode)new JsonObject
            {
                ["path"] = f.Path,
                ["scope"] = f.Scope,
                ["state"] = Names.Of(f.State),
                ["content"] = f.Content,
            })]),
            ["branch_sessions"] = new JsonArray([.. context.BranchSessions.Select(Session)]),
            ["other_sessions"] = new JsonArray([.. context.OtherSessions.Select(Session)]),
            ["backlog"] = new JsonArray([.. context.Tasks.Select(Task)]),
            ["dropped"] = Strings(context.Dropped),
        };
        if (context.Since is { } since)
        {
            json["since"] = new JsonObject
            {
                ["reference"] = since.Reference,
                ["time"] = UtcTimestampConverter.ToText(since.Time),
                ["commits"] = new JsonArray([.. since.Commits.Select(c => (JsonNode)new JsonObject
                {
                    ["id"] = c.Id,
                    ["subject"] = c.Subject,
                    ["session"] = c.SessionId,
                    ["time"] = UtcTimestampConverter.ToText(c.CommitTime),
                })]),
                ["sessions"] = new JsonArray([.. since.Sessions.Select(Session)]),
                ["tasks_done"] = new JsonArray([.. since.TasksDone.Select(Task)]),
                ["tasks_added"] = new JsonArray([.. since.TasksAdded.Select(Task)]),
                ["entries"] = new JsonArray([.. since.Entries.Select(e => (JsonNode)new JsonObject
                {
                    ["id"] = e.Id,
                    ["session"] = e.Session,
                    ["time"] = UtcTimestampConverter.ToText(e.Time),
                    ["kind"] = Names.Of(e.Kind),
                    ["text"] = e.Text,
                })]),
            };
        }

        return json;
    }

    public static JsonNode Session(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new JsonObject
        {
            ["id"] = session.Id,
            ["branch"] = session.Branch,
            ["title"] = session.Title,
            ["type"] = Names.Of(session.Type),
            ["status"] = Names.Of(session.Status),
            ["created"] = UtcTimestampConverter.ToText(session.Created),
            ["last_updated"] = UtcTimestampConverter.ToText(session.LastUpdated),
            ["author"] = session.Author,
            ["summary"] = session.Summary,
        };
    }

    public static JsonNode Task(BacklogItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new JsonObject
        {
            ["id"] = item.Id,
            ["text"] = item.Text,
            ["kind"] = Names.Of(item.Kind),
            ["priority"] = Names.Of(item.Priority),
            ["status"] = Names.Of(item.State),
            ["estimate_minutes"] = item.EstimateMinutes,
            ["from_session"] = item.FromSession,
        };
    }

    public static JsonArray Strings(IEnumerable<string> items) => new([.. items.Select(i => (JsonNode)JsonValue.Create(i))]);
}
