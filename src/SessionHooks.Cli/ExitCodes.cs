namespace SessionHooks.Cli;

/// <summary>The documented exit codes of every <c>session</c> command.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int ChecksFailed = 1;
    public const int UsageOrEnvironment = 2;
}
