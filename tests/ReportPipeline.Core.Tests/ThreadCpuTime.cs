using System.Globalization;

namespace ReportPipeline.Core.Tests;

/// <summary>
/// The CPU time the calling thread has run (Linux, /proc/thread-self/schedstat): what a synchronous computation costs,
/// however long a busy machine keeps it waiting for a core.
/// </summary>
internal static class ThreadCpuTime
{
    public static TimeSpan Now() =>
        TimeSpan.FromTicks(long.Parse(File.ReadAllText("/proc/thread-self/schedstat").Split(' ')[0], CultureInfo.InvariantCulture) / TimeSpan.NanosecondsPerTick);
}
