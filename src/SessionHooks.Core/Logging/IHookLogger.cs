using Serilog;

namespace SessionHooks.Logging;

/// <summary>A Serilog logger its creator disposes (flushing and closing the log file).</summary>
internal interface IHookLogger : ILogger, IDisposable;
