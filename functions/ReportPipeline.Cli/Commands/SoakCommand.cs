using System.CommandLine;
using System.CommandLine.Parsing;
using System.Security.Cryptography;
using ReportPipeline.Cli.Soak;

namespace ReportPipeline.Cli.Commands;

/// <summary>
/// <c>soak --uploads N [--concurrency C] [--storage-restarts K] [--di-faults] [--seed S]</c>: N uploads through upload slots
/// and IngestReport on an embedded Azurite of its own, restarted K times mid-run, then reconciliation and an audit of the
/// storage. The last line gives the figures; exit 1 when anything was lost, doubled or unaccounted for.
/// </summary>
internal static class SoakCommand
{
    public static Command Create(Option<string?> storage)
    {
        var uploads = new Option<int>("--uploads") { Required = true, Description = "How many uploads to send (at least 1)." };
        var concurrency = new Option<int>("--concurrency") { DefaultValueFactory = _ => 4, Description = "How many uploads are in flight at once (1–64)." };
        var restarts = new Option<int>("--storage-restarts") { Description = "How many times Azurite is stopped and started again mid-run, its data kept on disk." };
        var faults = new Option<bool>("--di-faults") { Description = "Have the fake Document Intelligence answer bursts of 429 (with Retry-After) and 503." };
        var seed = new Option<int?>("--seed") { Description = "Seed of the uploads, to repeat a run (default: a random one, printed)." };
        var command = new Command("soak", "Send many uploads, good and bad, through slots and ingestion while Azurite restarts and OCR throttles; then check that none was lost or doubled.")
        {
            uploads, concurrency, restarts, faults, seed,
        };
        concurrency.Validators.Add(r => Check(r, r.GetValueOrDefault<int>() is >= 1 and <= 64, "--concurrency must be 1 to 64."));
        restarts.Validators.Add(r => Check(r, r.GetValueOrDefault<int>() >= 0, "--storage-restarts cannot be negative."));
        command.Validators.Add(r =>
        {
            if (r.GetValue(uploads) < 1)
            {
                r.AddError("--uploads must be at least 1.");
            }
            else if (r.GetValue(restarts) >= r.GetValue(uploads))
            {
                r.AddError("--storage-restarts must be fewer than --uploads: each restart comes at an upload of its own.");
            }
        });
        command.SetAction(async (result, cancellationToken) =>
        {
            if (!LocalHost.StartsAzurite(result.GetValue(storage)))
            {
                Console.Error.WriteLine("soak runs on an Azurite of its own, which it restarts: unset --storage, ReportPipeline__Storage and PipelineStorage__blobServiceUri.");
                return 2;
            }

            var options = new SoakOptions(result.GetValue(uploads), result.GetValue(concurrency), result.GetValue(restarts), result.GetValue(faults),
                result.GetValue(seed) ?? RandomNumberGenerator.GetInt32(int.MaxValue));
            var soak = await new SoakRun(options, Console.Error, TimeProvider.System).RunAsync(cancellationToken);
            Console.WriteLine(soak.Line);
            return soak.Passed ? 0 : 1;
        });
        return command;
    }

    private static void Check(OptionResult result, bool valid, string error)
    {
        if (!valid)
        {
            result.AddError(error);
        }
    }
}
