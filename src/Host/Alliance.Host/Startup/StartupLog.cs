using System.Diagnostics;
using System.Runtime;

namespace Alliance.Host.Startup;

/// <summary>
/// Logs once the host listens how long that took after the process started, with the process' CPU time, the number of
/// methods the JIT compiled so far and the garbage collections: start-up on two cores is mostly JIT compilation
/// (README, "Start-up"), and the CPU time is the figure to compare on a shared machine.
/// </summary>
internal static class StartupLog
{
    public static void LogWhenStarted(WebApplication app) => app.Lifetime.ApplicationStarted.Register(() =>
    {
        using var process = Process.GetCurrentProcess();
        // A measurement against the operating system's process start (local wall-clock time), not the alliance's time.
#pragma warning disable RS0030
        var sinceStart = (long)(DateTime.Now - process.StartTime).TotalMilliseconds;
#pragma warning restore RS0030
        app.Logger.LogInformation(
            "Host started {SinceStart} ms after the process started ({Cpu} ms of CPU, {Methods} methods compiled by the JIT in {JitTime} ms, garbage collections {Gen0}/{Gen1}/{Gen2})",
            sinceStart, (long)process.TotalProcessorTime.TotalMilliseconds, JitInfo.GetCompiledMethodCount(),
            (long)JitInfo.GetCompilationTime().TotalMilliseconds, GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
    });
}
