// Writes through SessionStore from its own process, so tests can run many at once and kill them.
//
//   append <worktree> <gitdir> <count> [<start-file>]   log <count> entries one at a time into the
//                                                      pending area, as 'session log' does; print
//                                                      each id once its write has returned;
//                                                      with <start-file>, print "ready" and wait for it
//   hold <worktree> <gitdir>                           lock every record, print "locked", wait
//   log <commondir> <component> <message>              log one line; print the milliseconds it took
using SessionHooks;
using System.Diagnostics;
using SessionHooks.Diagnostics;
using SessionHooks.Ids;
using SessionHooks.Logging;
using SessionHooks.Records;
using SessionHooks.Store;

var stdout = Console.Out;
try
{
    switch (args)
    {
        case ["append", var worktree, var gitDirectory, var count, .. var rest]:
            WaitFor(rest.FirstOrDefault());
            var store = new SessionStore(worktree, new StatePaths(gitDirectory, gitDirectory));
            for (var i = 0; i < int.Parse(count, System.Globalization.CultureInfo.InvariantCulture); i++)
            {
                var entry = new WorklogEntry
                {
                    Id = EntryId.New(DateTimeOffset.UtcNow),
                    Session = "20261121-k3f9q",
                    Time = DateTimeOffset.UtcNow,
                    Kind = WorklogKind.Note,
                    Text = $"entry {i} of process {Environment.ProcessId}",
                };
                using (store.Lock(RecordLock.Pending))
                {
                    var view = RecordView.Read(store);
                    view.Log(entry);
                    view.Save();
                }

                // One write of one short line: the reader gets the whole id or nothing.
                stdout.Write(entry.Id + "\n");
                stdout.Flush();
            }

            return 0;

        case ["hold", var worktree, var gitDirectory]:
            using (new SessionStore(worktree, new StatePaths(gitDirectory, gitDirectory)).LockAll())
            {
                stdout.Write("locked\n");
                stdout.Flush();
                Thread.Sleep(Timeout.Infinite);
            }

            return 0;

        case ["log", var commonDirectory, var component, var message]:
            var clock = Stopwatch.StartNew();
            using (var log = HookLog.Create(commonDirectory, component))
            {
                log.Information("{Message} from {Writer}", message, "StoreWriter");
            }

            stdout.Write($"{clock.Elapsed.TotalMilliseconds:0.0}\n");
            return 0;

        default:
            Console.Error.WriteLine("usage: append <worktree> <gitdir> <count> [<start-file>] | hold <worktree> <gitdir> | log <commondir> <component> <message>");
            return 2;
    }
}
catch (SessionHooksException exception)
{
    Console.Error.WriteLine(exception.Diagnostic.Render());
    return 1;
}

// Lets a test start every writer first and release them together.
static void WaitFor(string? startFile)
{
    if (startFile is null)
    {
        return;
    }

    Console.Out.Write("ready\n");
    Console.Out.Flush();
    while (!File.Exists(startFile))
    {
        Thread.Sleep(1);
    }
}
