namespace SessionHooks.Git;

/// <summary>
/// Reads a child's standard error on a thread of its own until the child closes it, so the child
/// never blocks on a full pipe while its output is read. <c>ReadToEndAsync</c> does the same but
/// sets up the async I/O machinery first, about 5 ms of a hook's first git call.
/// </summary>
internal sealed class ErrorDrain
{
    private readonly Thread thread;
    private string text = "";

    public ErrorDrain(StreamReader reader)
    {
        thread = new Thread(() => text = reader.ReadToEnd()) { IsBackground = true, Name = "git stderr" };
        thread.Start();
    }

    /// <summary>All the child wrote, once it has closed its standard error; what it wrote so far when <paramref name="wait"/> runs out.</summary>
    public string Text(TimeSpan? wait = null)
    {
        thread.Join(wait ?? Timeout.InfiniteTimeSpan);
        return Volatile.Read(ref text);
    }
}
