using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using SessionHooks.Records;
using SessionHooks.Safety;
using SessionHooks.Workflows;

namespace SessionHooks.Cli.Commands;

/// <summary><c>task add|start|done|block|drop|list</c>: backlog tasks with a lifecycle, an estimate and the time spent.</summary>
internal static class TaskCommand
{
    public static Command Create()
    {
        var command = new Command("task", "Tasks with a lifecycle: add, start, done, block, drop, list (a task's id in a commit message links the commit to it)")
        {
            Add(),
            Change("start", "Start work on a task (its actual time is measured from now)", (context, task, _) => TaskBoard.Start(context, task)),
            Done(),
            Change("block", "Mark a task blocked", (context, task, reason) => TaskBoard.Block(context, task, reason)),
            Change("drop", "Drop a task: it will not be done", (context, task, reason) => TaskBoard.Drop(context, task, reason)),
            List(),
        };
        return command;
    }

    private static Command Add()
    {
        var text = new Argument<string>("text") { Description = "The task, in quotes" };
        var priority = new Option<string>("--priority") { Description = "high, medium or low", DefaultValueFactory = _ => "medium" };
        var estimate = new Option<string?>("--estimate") { Description = "How long it should take: 30m, 2h, 1h30m or minutes" };
        var command = new Command("add", "Add a task to the session's backlog") { text, priority, estimate };
        command.SetAction(result => CommandRunner.InRepository("task", context =>
        {
            var level = Choices.Parse<Priority>(result.GetValue(priority), "priority");
            int? minutes = result.GetValue(estimate) is { } given ? Minutes.Parse(given, "--estimate") : null;
            var clean = HandText.Clean(context, result.GetValue(text), "task");
            var item = TaskBoard.Add(context, clean, level, minutes);
            Console.WriteLine($"Task {item.Id}: {SafeText.Terminal(item.Text)} [{Names.Of(item.Priority)}]{(item.EstimateMinutes is { } e ? $", estimated {Minutes.Format(e)}" : "")}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Done()
    {
        var task = TaskArgument();
        var actual = new Option<string?>("--actual") { Description = "The time it took (30m, 2h, 1h30m); measured from 'task start' when left out" };
        var command = new Command("done", "Mark a task (or any backlog item) done") { task, actual };
        command.SetAction(result => CommandRunner.InRepository("task", context =>
        {
            int? minutes = result.GetValue(actual) is { } given ? Minutes.Parse(given, "--actual") : null;
            Print(TaskBoard.Done(context, result.GetValue(task)!, minutes));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Change(string name, string description, Func<SessionContext, string, string?, BacklogItem> change)
    {
        var task = TaskArgument();
        var reason = new Option<string?>("--reason") { Description = "Why (block and drop)" };
        var command = new Command(name, description) { task };
        if (name is "block" or "drop")
        {
            command.Options.Add(reason);
        }

        command.SetAction(result => CommandRunner.InRepository("task", context =>
        {
            var why = result.GetValue(reason) is { } given ? HandText.Clean(context, given, "reason") : null;
            Print(change(context, result.GetValue(task)!, why));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command List()
    {
        var all = new Option<bool>("--all") { Description = "Also the tasks done or dropped" };
        var json = new Option<bool>("--json") { Description = "Print JSON for programs" };
        var command = new Command("list", "List the open tasks, by priority, numbered for the other task commands") { all, json };
        command.SetAction(result => CommandRunner.InRepository("task", context =>
        {
            var rows = TaskBoard.List(context, result.GetValue(all));
            if (result.GetValue(json))
            {
                JsonOutput.Write(new JsonArray([.. rows.Select(Json)]));
                return ExitCodes.Ok;
            }

            if (rows.Count == 0)
            {
                Console.WriteLine("No open tasks.");
            }

            foreach (var row in rows)
            {
                var number = row.Number > 0 ? row.Number.ToString(CultureInfo.InvariantCulture) + "." : "-";
                var item = row.Item;
                var details = new List<string>();
                if (item.EstimateMinutes is { } estimate)
                {
                    details.Add("estimated " + Minutes.Format(estimate));
                }

                if (item.ActualMinutes is { } spent)
                {
                    details.Add("took " + Minutes.Format(spent));
                }

                if (item.Reason is { } why)
                {
                    details.Add(SafeText.Terminal(why));
                }

                if (row.Commits.Count > 0)
                {
                    details.Add("commits " + string.Join(", ", row.Commits.Select(c => c[..Math.Min(10, c.Length)])));
                }

                Console.WriteLine($"{number,3} {item.Id ?? "(no id)",-7} [{Names.Of(item.Priority)}] {Names.Of(item.State),-11} {SafeText.Terminal(item.Text)}{(details.Count > 0 ? $" ({string.Join("; ", details)})" : "")}");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Argument<string> TaskArgument() => new("task") { Description = "The task's id (t-…), its number in 'session task list', or its exact text" };

    private static void Print(BacklogItem item) =>
        Console.WriteLine($"Task {item.Id} is {Names.Of(item.State)}: {SafeText.Terminal(item.Text)}"
            + (item.State == TaskState.Done && item.ActualMinutes is { } spent ? $" (took {Minutes.Format(spent)}{(item.EstimateMinutes is { } e ? $", estimated {Minutes.Format(e)}" : "")})" : "")
            + (item.Commits is { Count: > 0 } commits ? $"; commits {string.Join(", ", commits.Select(c => c[..Math.Min(10, c.Length)]))}" : ""));

    private static JsonNode Json(TaskRow row) => new JsonObject
    {
        ["number"] = row.Number > 0 ? row.Number : null,
        ["id"] = row.Item.Id,
        ["text"] = row.Item.Text,
        ["priority"] = Names.Of(row.Item.Priority),
        ["status"] = Names.Of(row.Item.State),
        ["estimate_minutes"] = row.Item.EstimateMinutes,
        ["actual_minutes"] = row.Item.ActualMinutes,
        ["created"] = row.Item.Created is { } created ? UtcTimestampConverter.ToText(created) : null,
        ["started"] = row.Item.Started is { } started ? UtcTimestampConverter.ToText(started) : null,
        ["finished"] = row.Item.Finished is { } finished ? UtcTimestampConverter.ToText(finished) : null,
        ["reason"] = row.Item.Reason,
        ["session"] = row.SessionId,
        ["commits"] = Context.ContextJson.Strings(row.Commits),
    };
}
