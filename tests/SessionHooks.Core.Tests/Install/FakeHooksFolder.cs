using System.Text;
using SessionHooks.Install;

namespace SessionHooks.Tests.Install;

/// <summary>One run of a fake SessionHooks program: which program, its arguments and its stdin.</summary>
public sealed record ProgramCall(string Program, IReadOnlyList<string> Arguments, string StandardInput);

/// <summary>
/// A hooks folder whose programs are tiny shell scripts recording each call (NUL-separated, so any
/// argument survives) in <c>calls.log</c> beside them, then exiting with the code in <c>exit-code</c>.
/// </summary>
public sealed class FakeHooksFolder
{
    private const string Recorder = """
        #!/bin/sh
        here=$(dirname "$0")
        { printf '%s\0%s\0' "${0##*/}" "$#"; [ "$#" -eq 0 ] || printf '%s\0' "$@"; cat; printf '\0'; } >> "$here/calls.log"
        code=0
        if [ -f "$here/exit-code" ]; then code=$(cat "$here/exit-code"); fi
        exit "$code"

        """;

    public FakeHooksFolder(string path, bool asDlls = false)
    {
        Path = path;
        Directory.CreateDirectory(path);
        foreach (var program in InstallLayout.Programs)
        {
            var file = System.IO.Path.Combine(path, asDlls ? program + ".dll" : program);
            File.WriteAllText(file, Recorder.ReplaceLineEndings("\n"));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, asDlls ? UnixFileMode.UserRead | UnixFileMode.UserWrite : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
    }

    public string Path { get; }

    public void ExitWith(int code) => File.WriteAllText(System.IO.Path.Combine(Path, "exit-code"), code.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public IReadOnlyList<ProgramCall> Calls()
    {
        var log = System.IO.Path.Combine(Path, "calls.log");
        if (!File.Exists(log))
        {
            return [];
        }

        var fields = Encoding.UTF8.GetString(File.ReadAllBytes(log)).Split('\0');
        var calls = new List<ProgramCall>();
        for (var i = 0; i + 2 < fields.Length;)
        {
            var program = fields[i];
            var count = int.Parse(fields[i + 1], System.Globalization.CultureInfo.InvariantCulture);
            var arguments = fields.Skip(i + 2).Take(count).ToList();
            calls.Add(new ProgramCall(program, arguments, fields[i + 2 + count]));
            i += 3 + count;
        }

        return calls;
    }
}
