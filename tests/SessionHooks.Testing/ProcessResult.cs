namespace SessionHooks.Testing;

/// <summary>What a finished process left behind.</summary>
public sealed record ProcessResult(string Command, int ExitCode, string StandardOutput, string StandardError)
{
    public string Output => StandardOutput + StandardError;

    public override string ToString() =>
        $"$ {Command}\n[exit {ExitCode}]\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";
}
