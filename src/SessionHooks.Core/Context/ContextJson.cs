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
        return new JsonObject
        {
            ["schema_version"] = AssistantContext.SchemaVersion,
            ["branch"] = context.Branch,
            ["session_id"] = context.SessionId,
            ["status"] = context.Status,
            ["focus"] = context.Focus,
            ["issues"] = Strings(context.Issues),
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
            ["backlog"] = new JsonArray([.. context.Backlog.Select(b => (JsonNode)new JsonObject
            {
                ["text"] = b.Text,
                ["kind"] = Names.Of(b.Kind),
                ["priority"] = Names.Of(b.Priority),
                ["from_session"] = b.FromSession,
            })]),
        };
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

    public static JsonArray Strings(IEnumerable<string> items) => new([.. items.Select(i => (JsonNode)JsonValue.Create(i))]);
}
