using System.Diagnostics;
using SessionHooks.Ids;

namespace SessionHooks.Tests.Store;

/// <summary>
/// A running <c>SessionHooks.StoreWriter</c>: a separate process writing through the store, whose
/// acknowledged entry ids (printed after each append returned) are collected as they arrive.
/// </summary>
internal sealed class WriterProcess : IDisposable
{
    private readonly Process process;
    private readonly Lock gate = new();
    private readonly List<string> acknowledged = [];
    private readonly List<string> otherLines = [];
    private readonly System.Text.StringBuilder errors = new();

    private WriterProcess(Process process) => this.process = process;

    public static string Program => Path.Combine(AppContext.BaseDirectory, "SessionHooks.StoreWriter.dll");

    public int Id => process.Id;

    public IReadOnlyList<string> Acknowledged
    {
        get
        {
            lock (gate)
            {
                return [.. acknowledged];
            }
        }
    }

    public string StandardError
    {
        get
        {
            lock (gate)
            {
                return errors.ToString();
            }
        }
    }

    public static WriterProcess Start(IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Program);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[key] = value;
        }

        var writer = new WriterProcess(new Process { StartInfo = info });
        writer.process.OutputDataReceived += (_, e) => writer.OnLine(e.Data);
        writer.process.ErrorDataReceived += (_, e) =>
        {
            lock (writer.gate)
            {
                writer.errors.AppendLine(e.Data);
            }
        };
        writer.process.Start();
        writer.process.BeginOutputReadLine();
        writer.process.BeginErrorReadLine();
        return writer;
    }

    public static WriterProcess Start(params string[] arguments) => Start(null, arguments);

    /// <summary>Waits until the process printed <paramref name="line"/> (or an acknowledgement, for null).</summary>
    public bool WaitForLine(string? line, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            lock (gate)
            {
                if (line is null ? acknowledged.Count > 0 : otherLines.Contains(line))
                {
                    return true;
                }
            }

            if (process.HasExited)
            {
                process.WaitForExit();
                lock (gate)
                {
                    return line is null ? acknowledged.Count > 0 : otherLines.Contains(line);
                }
            }

            Thread.Sleep(2);
        }

        return false;
    }

    /// <summary>SIGKILL on Unix: the process gets no chance to clean up.</summary>
    public void KillHard()
    {
        try
        {
            process.Kill();
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }

        process.WaitForExit();
    }

    /// <summary>Waits for the exit and for the last of its output.</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        if (!process.WaitForExit(timeout))
        {
            KillHard();
            Assert.Fail($"writer {process.Id} did not finish in {timeout}");
        }

        process.WaitForExit();
        return process.ExitCode;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            KillHard();
        }

        process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            // Only whole ids count: a line cut short by the kill is not an acknowledgement.
            (EntryId.IsValid(line) ? acknowledged : otherLines).Add(line);
        }
    }
}
