using System.Globalization;
using SessionHooks.Context;
using SessionHooks.Diagnostics;
using SessionHooks.Ids;
using SessionHooks.Records;
using SessionHooks.Secrets;
using SessionHooks.Workflows;

namespace SessionHooks.Assistants;

/// <summary>
/// What an assistant's hooks do (Claude Code's events; docs/assistants.md): SessionStart links the
/// assistant's session to the branch's and prints its context; UserPromptSubmit logs the prompt;
/// Stop and SessionEnd record the files touched since the assistant's session started. Everything
/// waits in the pending area for the branch's next commit, as <c>session log</c> does.
/// </summary>
internal static class AssistantHooks
{
    /// <summary>The most characters of a prompt kept: the gist, not a transcript.</summary>
    public const int MaxPromptChars = 4000;

    /// <summary>The context printed at SessionStart, at most: it goes into every conversation.</summary>
    public const long MaxContextBytes = 16 * 1024;

    private const int FilesNamed = 5;

    /// <summary>The assistants whose hook input this reads.</summary>
    public static IReadOnlyList<string> Known { get; } = ["claude"];

    /// <returns>What to print on stdout (the assistant adds it to the conversation), or null.</returns>
    public static string? Run(SessionContext context, string assistant, AssistantHookInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        if (!Known.Contains(assistant))
        {
            // The name goes into the records and a state file's name: only ours.
            throw new SessionHooksException(DiagnosticCatalog.InvalidArgument.ForFile("assistant-hook",
                $"SessionHooks reads no hook input of '{assistant}'", $"use one of: {string.Join(", ", Known)}"));
        }

        return input.Event switch
        {
            "SessionStart" => Start(context, assistant, input),
            "UserPromptSubmit" => LogPrompt(context, assistant, input),
            "Stop" or "SessionEnd" => RecordTouched(context, assistant, input),
            _ => null, // another event wired by hand: nothing of ours to do
        };
    }

    private static string Start(SessionContext context, string assistant, AssistantHookInput input)
    {
        var work = AssistantWork.Of(context, assistant, input.SessionId);
        if (work.IsNew)
        {
            work.Save();
        }

        using var records = SessionWork.Begin(context);
        Link(records, assistant, input.SessionId);
        records.Save();
        var gathered = ContextBuilder.Build(context, records.View, records.Session.Id, context.Store.ReadCurrentSession().Value, new ContextOptions(MaxBytes: MaxContextBytes));
        return ContextMarkdown.Render(ContextBudget.Fit(gathered, MaxContextBytes, ContextMarkdown.Render));
    }

    private static string? LogPrompt(SessionContext context, string assistant, AssistantHookInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Prompt))
        {
            return null;
        }

        // Redacted before it is cut, so a secret is never kept in part.
        var text = SecretRedactor.Redact(input.Prompt.Length > 4 * MaxPromptChars ? input.Prompt[..(4 * MaxPromptChars)] : input.Prompt, context.Config.SecretPatterns).Text.Trim();
        if (text.Length > MaxPromptChars)
        {
            text = text[..MaxPromptChars] + string.Create(CultureInfo.InvariantCulture, $" … [{input.Prompt.Length - MaxPromptChars} more characters]");
        }

        using var records = SessionWork.Begin(context);
        Link(records, assistant, input.SessionId);
        records.Log(Entry(records, WorklogKind.Prompt, text, assistant, input.SessionId));
        records.Save();
        return null;
    }

    private static string? RecordTouched(SessionContext context, string assistant, AssistantHookInput input)
    {
        var work = AssistantWork.Of(context, assistant, input.SessionId);
        var touched = context.Git.ChangedSince(work.StartCommit);
        var signature = string.Join('\n', touched.Select(f => Names.Of(f.Change) + " " + f.Path));

        // Stop comes after every reply: record only when the set of touched files changed.
        if (touched.Count == 0 || signature == work.Recorded)
        {
            return null;
        }

        using (var records = SessionWork.Begin(context))
        {
            Link(records, assistant, input.SessionId);
            var named = string.Join(", ", touched.Take(FilesNamed).Select(f => f.Path)) + (touched.Count > FilesNamed ? ", …" : "");
            var entry = Entry(records, WorklogKind.Event, $"{assistant} session {input.SessionId} changed {touched.Count} file{(touched.Count == 1 ? "" : "s")} since it started: {named}", assistant, input.SessionId);
            entry.Files = [.. touched.Select(f => new FileChange { Path = f.Path, Change = f.Change, From = f.OldPath })];
            records.Log(entry);
            records.Save();
        }

        work.Save(signature);
        return null;
    }

    /// <summary>Names the assistant's session in the branch's session, once.</summary>
    private static void Link(SessionWork records, string assistant, string assistantSession)
    {
        if (records.Session.AssistantSessions?.Exists(a => a.Assistant == assistant && a.Id == assistantSession) == true)
        {
            return;
        }

        // Not by hand: a link alone never holds up a push; the next commit records it.
        var session = records.View.Edit(records.Session.Id, byHand: false);
        (session.AssistantSessions ??= []).Add(new AssistantSession { Assistant = assistant, Id = assistantSession, Started = records.Now });
        records.Become(session);
    }

    private static WorklogEntry Entry(SessionWork records, WorklogKind kind, string text, string assistant, string assistantSession)
    {
        var instant = records.Instant;
        return new()
        {
            Id = EntryId.New(instant),
            Session = records.Session.Id,
            Time = UtcTimestampConverter.WholeSecond(instant),
            Kind = kind,
            Text = text,
            Assistant = new AssistantRef { Name = assistant, SessionId = assistantSession },
        };
    }
}
