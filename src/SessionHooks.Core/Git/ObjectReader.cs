using System.Diagnostics;
using System.Text;
using SessionHooks.Diagnostics;

namespace SessionHooks.Git;

/// <summary>An object git found by name: its id, type (<c>blob</c>, <c>tree</c>, <c>commit</c>, <c>tag</c>) and size in bytes.</summary>
internal readonly record struct ObjectHeader(string Id, string Type, long Size);

/// <summary>
/// One <c>git cat-file --batch-command</c> kept running while a repository is open, answering
/// "what is <c>&lt;commit&gt;:&lt;path&gt;</c>" and "give me its bytes" over a pipe. A push reads a
/// few files at each pushed commit: asked of one git process, that costs a fraction of a
/// millisecond each, where loading libgit2 to read them cost a push about 23 ms.
/// </summary>
internal sealed class ObjectReader : IDisposable
{
    private readonly Process process;
    private readonly Stream requests;
    private readonly Stream answers;
    private readonly ErrorDrain errors;
    private readonly byte[] buffer = new byte[64 * 1024];
    private int start;
    private int end;

    private ObjectReader(Process process)
    {
        this.process = process;
        requests = process.StandardInput.BaseStream;
        answers = process.StandardOutput.BaseStream;

        errors = new ErrorDrain(process.StandardError);
    }

    /// <summary>Starts the reader; <paramref name="info"/> names the repository and index (see <see cref="GitCli.StartInfo"/>).</summary>
    public static ObjectReader Start(ProcessStartInfo info, string file)
    {
        info.RedirectStandardInput = true;
        try
        {
            return Process.Start(info) is { } process
                ? new ObjectReader(process)
                : throw Unavailable(file, "git could not be started");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw Unavailable(file, $"git could not be started: {exception.Message}");
        }
    }

    /// <summary>The object <paramref name="name"/> names (any name git takes, e.g. <c>HEAD~1:worklog.json</c>); null when there is none.</summary>
    public ObjectHeader? Find(string name)
    {
        Send("info", name);
        return ReadHeader(name);
    }

    /// <summary>The bytes of the blob <paramref name="name"/> names; null when it names nothing or something that is not a blob.</summary>
    public byte[]? ReadBlob(string name)
    {
        Send("contents", name);
        if (ReadHeader(name) is not { } header)
        {
            return null;
        }

        var content = new byte[header.Size];
        ReadExactly(content);
        ReadLine();
        return header.Type == "blob" ? content : null;
    }

    public void Dispose()
    {
        try
        {
            // End of input is git's signal to exit.
            requests.Dispose();
            process.WaitForExit();
        }
        catch (IOException)
        {
            // git is gone already.
        }

        process.Dispose();
    }

    private void Send(string command, string name)
    {
        try
        {
            requests.Write(Encoding.UTF8.GetBytes($"{command} {name}\n"));
            requests.Flush();
        }
        catch (IOException)
        {
            throw Stopped();
        }
    }

    /// <summary><c>&lt;id&gt; &lt;type&gt; &lt;size&gt;</c>, or <c>&lt;name&gt; missing</c> (or <c>ambiguous</c>).</summary>
    private ObjectHeader? ReadHeader(string name)
    {
        var line = ReadLine();
        if (line == $"{name} missing" || line == $"{name} ambiguous")
        {
            return null;
        }

        var parts = line.Split(' ');
        return parts.Length == 3 && ObjectIds.IsObjectId(parts[0]) && long.TryParse(parts[2], out var size) && size >= 0 && size <= Array.MaxLength
            ? new ObjectHeader(parts[0], parts[1], size)
            : throw new SessionHooksException(DiagnosticCatalog.InternalError.ForFile(name, $"git cat-file answered '{line}'"));
    }

    private string ReadLine()
    {
        var line = new MemoryStream();
        while (true)
        {
            if (start == end && !Fill())
            {
                throw Stopped();
            }

            var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
            if (newline >= 0)
            {
                line.Write(buffer, start, newline - start);
                start = newline + 1;
                return Encoding.UTF8.GetString(line.GetBuffer(), 0, (int)line.Length);
            }

            line.Write(buffer, start, end - start);
            start = end;
        }
    }

    private void ReadExactly(byte[] target)
    {
        var copied = Math.Min(end - start, target.Length);
        Array.Copy(buffer, start, target, 0, copied);
        start += copied;
        try
        {
            answers.ReadExactly(target, copied, target.Length - copied);
        }
        catch (EndOfStreamException)
        {
            throw Stopped();
        }
    }

    private bool Fill()
    {
        start = 0;
        end = answers.Read(buffer, 0, buffer.Length);
        return end > 0;
    }

    /// <summary>git exited while it was being asked: what it said is the reason.</summary>
    private SessionHooksException Stopped()
    {
        process.WaitForExit(1000);
        var said = errors.Text(TimeSpan.FromSeconds(1));
        var reason = new GitCliResult(process.HasExited ? process.ExitCode : -1, "", said).FirstErrorLine;
        return new SessionHooksException(DiagnosticCatalog.InternalError.ForFile(process.StartInfo.WorkingDirectory, $"git cat-file stopped: {reason}"));
    }

    private static SessionHooksException Unavailable(string file, string message) =>
        new(DiagnosticCatalog.GitUnsupported.ForFile(file, message, "install git 2.39 or later and put it on PATH"));
}
