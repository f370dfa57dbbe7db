using SessionHooks.Records;

namespace SessionHooks.Workflows;

/// <summary>
/// A session's tasks in figures (seeds' "completion rate" and "time efficiency"): planned are the
/// tasks in its backlog, completed those done during the session, blocked those blocked now;
/// the estimate and the actual time are compared over the completed tasks that have both.
/// </summary>
internal sealed record TaskFigures(int Planned, int Completed, int Blocked, int Dropped, int EstimatedMinutes, int ActualMinutes, int PlannedEstimateMinutes)
{
    /// <param name="until">The end of an open session's span (now); a closed one ends at its last update.</param>
    public static TaskFigures Of(Session session, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(session);
        var end = session.IsOpen ? until : session.LastUpdated;
        var tasks = session.Backlog.Where(b => b.Kind == BacklogKind.Task).ToList();

        // A copy handed on to a later session follows it there: only what finished in this session's span counts here.
        bool During(BacklogItem item) => item.Finished is not { } finished || (finished >= session.Created && finished <= end.AddSeconds(1));
        var completed = tasks.Where(t => t.State == TaskState.Done && During(t)).ToList();
        var timed = completed.Where(t => t.EstimateMinutes is not null && t.ActualMinutes is not null).ToList();
        return new TaskFigures(
            tasks.Count,
            completed.Count,
            tasks.Count(t => t.State == TaskState.Blocked),
            tasks.Count(t => t.State == TaskState.Dropped && During(t)),
            timed.Sum(t => t.EstimateMinutes!.Value),
            timed.Sum(t => t.ActualMinutes!.Value),
            tasks.Sum(t => t.EstimateMinutes ?? 0));
    }

    /// <summary>One line for people: "3 planned, 2 completed, 1 blocked; estimated 1h30m, actual 1h45m for the completed ones".</summary>
    public string Describe()
    {
        var line = $"{Planned} planned, {Completed} completed, {Blocked} blocked" + (Dropped > 0 ? $", {Dropped} dropped" : "");
        return EstimatedMinutes + ActualMinutes > 0
            ? $"{line}; estimated {Minutes.Format(EstimatedMinutes)}, actual {Minutes.Format(ActualMinutes)} for the completed ones"
            : PlannedEstimateMinutes > 0 ? $"{line}; {Minutes.Format(PlannedEstimateMinutes)} estimated in all" : line;
    }
}
