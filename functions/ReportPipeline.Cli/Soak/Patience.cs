using System.Net.Sockets;
using Azure;

namespace ReportPipeline.Cli.Soak;

/// <summary>
/// How those around the pipeline ride out a storage outage in the soak (a Member State's script, an operator's copy,
/// the host's own queue work): they try again, waiting longer each time, and give up after three minutes. Counts the
/// tries that met an outage.
/// </summary>
internal sealed class Patience(TimeProvider time)
{
    private static readonly TimeSpan s_giveUpAfter = TimeSpan.FromMinutes(3);

    private static readonly TimeSpan s_firstWait = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan s_longestWait = TimeSpan.FromSeconds(8);

    private int _retries;

    /// <summary>Tries that failed and were made again.</summary>
    public int Retries => Volatile.Read(ref _retries);

    public async Task<T> RunAsync<T>(Func<Task<T>> action, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var wait = s_firstWait;
        while (true)
        {
            try
            {
                return await action();
            }
            catch (Exception e) when (IsTransient(e, cancellationToken) && time.GetElapsedTime(started) < s_giveUpAfter)
            {
                Interlocked.Increment(ref _retries);
                await Task.Delay(wait, time, cancellationToken);
                wait = wait * 2 < s_longestWait ? wait * 2 : s_longestWait;
            }
        }
    }

    /// <summary>A failure to reach the service or of the service itself (5xx), as a closed port or a stopping emulator gives.</summary>
    private static bool IsTransient(Exception e, CancellationToken cancellationToken) => e switch
    {
        RequestFailedException failed => failed.Status is 0 or 408 or >= 500,
        // The Azure SDK's retries exhausted: every try failed to reach the service.
        AggregateException all => all.InnerExceptions.All(inner => IsTransient(inner, cancellationToken)),
        HttpRequestException or IOException or SocketException or TimeoutException => true,
        // HttpClient's own timeout, not the caller's cancellation.
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };
}
