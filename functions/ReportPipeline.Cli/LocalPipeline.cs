using System.Globalization;
using Azure.Storage.Blobs;
using ReportPipeline.Core;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.Storage;
using ReportPipeline.Core.Survey;
using ReportPipeline.Functions.Ingestion;
using ReportPipeline.Infrastructure.Storage;

namespace ReportPipeline.Cli;

/// <summary>What the CLI does as the Functions host would: upload, fire the blob trigger, save and link surveys.</summary>
internal sealed class LocalPipeline(LocalHost host)
{
    /// <summary>Uploads a file to <c>reports/{blobName}</c> and runs the IngestReport function on the stored blob.</summary>
    public async Task<IngestionOutcome> UploadAndIngestAsync(string file, string blobName, CancellationToken cancellationToken)
    {
        var blob = host.Get<StorageClientFactory>().Report(blobName);
        await using (var source = File.OpenRead(file))
        {
            await blob.UploadAsync(source, overwrite: true, cancellationToken);
        }

        return await TriggerAsync(blob, cancellationToken);
    }

    /// <summary>What the Event Grid blob trigger does: binds the blob and calls the function.</summary>
    public Task<IngestionOutcome> TriggerAsync(BlobClient blob, CancellationToken cancellationToken) =>
        host.Get<IngestReportFunction>().RunAsync(blob, cancellationToken);

    /// <summary>Saves the files of an edition under <paramref name="directory"/> and returns their paths.</summary>
    public async Task<IReadOnlyList<string>> SaveAsync(SurveyEdition edition, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        foreach (var file in edition.Files)
        {
            var content = await host.Get<ISurveyStore>().ReadFileAsync(edition, file, cancellationToken)
                ?? throw new InvalidOperationException($"Survey file {file} of edition {edition.Edition} is missing.");
            var path = Path.GetFullPath(Path.Combine(directory, file));
            await File.WriteAllBytesAsync(path, content.ToArray(), cancellationToken);
            paths.Add(path);
        }

        return paths;
    }

    /// <summary>Prints links to the latest edition's files; false when the period has none.</summary>
    public async Task<bool> PrintLinksAsync(Period period, int? minutes, CancellationToken cancellationToken)
    {
        var links = await host.Get<SurveyLinkService>().GetLatestAsync(period, minutes, cancellationToken);
        if (links is null)
        {
            Console.Error.WriteLine($"No survey has been compiled for {period}.");
            return false;
        }

        foreach (var link in links.Links)
        {
            Console.WriteLine($"  {link.File}{(link.Language is { } language ? $" ({CultureInfo.GetCultureInfo(language).NativeName})" : "")}: {link.Url}");
        }

        var expires = links.Links.Count > 0 ? links.Links[0].ExpiresAt : default;
        Console.WriteLine($"  (read-only; expire {expires:u}{(host.IsEmbedded ? "; they work while this command's Azurite runs: see --keep-running" : "")})");
        return true;
    }
}
