using System.Net.Sockets;
using Azure;
using Azure.Identity;

namespace ReportPipeline.Cli;

/// <summary>
/// The one line a command that failed with an exception prints instead of a stack trace, exit code 1. A storage or
/// network failure names what could not be reached and how to fix it; anything else is a bug of ours, so its details
/// go to a log file whose path the line gives.
/// </summary>
internal static class CliFailure
{
    public const int ExitCode = 1;

    public static int Report(Exception failure, IReadOnlyList<string> args, TextWriter error, string logDirectory, TimeProvider time)
    {
        error.WriteLine(Describe(failure) ?? $"reportpipeline: unexpected {failure.GetType().Name}: {FirstLine(failure.Message)} (details in {WriteLog(failure, args, logDirectory, time)})");
        return ExitCode;
    }

    /// <summary>One line for a failure of the storage account, the network or sign-in, or a cancellation; null for anything else.</summary>
    internal static string? Describe(Exception failure)
    {
        if (failure is LocalStorageBusyException busy)
        {
            return $"reportpipeline: {busy.Message}";
        }

        var chain = Flatten(failure).ToList();
        var storage = chain.OfType<RequestFailedException>().FirstOrDefault();
        var network = chain.OfType<HttpRequestException>().FirstOrDefault();
        var socket = chain.OfType<SocketException>().FirstOrDefault();
        if (chain.OfType<AuthenticationFailedException>().FirstOrDefault() is { } signIn)
        {
            return $"reportpipeline: cannot sign in to Azure ({FirstLine(signIn.Message)}); run 'az login', or give a connection string with --storage.";
        }

        if (storage is not null && network is null && socket is null)
        {
            // The account answered, and said no.
            return $"reportpipeline: the storage account refused the request ({storage.Status} {storage.ErrorCode}: {FirstLine(storage.Message)}); "
                + "check the account and key in --storage or ReportPipeline__Storage, or the data roles of the signed-in account.";
        }

        if (network is null && socket is null && !chain.OfType<TimeoutException>().Any())
        {
            return failure is OperationCanceledException ? "reportpipeline: cancelled." : null;
        }

        var what = storage is not null ? "the storage account" : "the service";
        var detail = FirstLine(network?.Message ?? socket?.Message ?? "timed out");
        var fix = storage is not null
            ? "check --storage or ReportPipeline__Storage (leave both unset to use the embedded Azurite) and that the account is running and reachable"
            : "check the address given (--api, DocumentIntelligence__Endpoint) and that the service is running and reachable";
        return $"reportpipeline: cannot reach {what}: {detail}; {fix}.";
    }

    private static IEnumerable<Exception> Flatten(Exception failure)
    {
        var pending = new Stack<Exception>([failure]);
        while (pending.Count > 0)
        {
            var e = pending.Pop();
            yield return e;
            foreach (var inner in e is AggregateException aggregate ? aggregate.InnerExceptions : e.InnerException is { } one ? [one] : [])
            {
                pending.Push(inner);
            }
        }
    }

    private static string WriteLog(Exception failure, IReadOnlyList<string> args, string logDirectory, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var name = $"error-{now:yyyyMMdd'T'HHmmssfff'Z'}.log";
        var text = $"{now:O}\nreportpipeline {string.Join(' ', args)}\n\n{failure}\n";
        try
        {
            Directory.CreateDirectory(logDirectory);
            var path = Path.Combine(logDirectory, name);
            File.WriteAllText(path, text);
            return path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var path = Path.Combine(Path.GetTempPath(), "reportpipeline-" + name);
            File.WriteAllText(path, text);
            return path;
        }
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
