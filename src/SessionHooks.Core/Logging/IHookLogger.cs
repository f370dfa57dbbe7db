using Serilog;

namespace SessionHooks.Logging;

/// <summary>A Serilog logger its creator disposes (flushing and closing the log file).</summary>
public interface IHookLogger : ILogger, IDisposable;
