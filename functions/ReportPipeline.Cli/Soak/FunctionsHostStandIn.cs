using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.Storage;
using ReportPipeline.Functions;
using ReportPipeline.Functions.Ingestion;
using ReportPipeline.Infrastructure.Storage;

namespace ReportPipeline.Cli.Soak;

/// <summary>
/// The Functions host, as far as ingestion goes, played on one machine: the blob trigger calls IngestReport and, when a
/// try throws, tries again at once, up to <c>poisonBlobThreshold</c> tries; then it puts the blob's message on the real
/// <c>webjobs-blobtrigger-poison</c> queue of the trigger's account, whose queue trigger runs RecordFailedIngest on it,
/// leaves a message whose run failed to come back, and moves it to <c>…-poison</c> after <c>maxDequeueCount</c> runs.
/// </summary>
internal sealed class FunctionsHostStandIn
{
    /// <summary>How long a received message stays hidden: it comes back after this when its run failed.</summary>
    private static readonly TimeSpan s_visibility = TimeSpan.FromSeconds(10);

    private readonly LocalHost _host;
    private readonly HostSettings _settings;
    private readonly Patience _patience;
    private readonly TimeProvider _time;
    private readonly QueueClient _poison;
    private readonly QueueClient _poisonOfPoison;

    public FunctionsHostStandIn(LocalHost host, string connectionString, HostSettings settings, Patience patience, TimeProvider time)
    {
        _host = host;
        _settings = settings;
        _patience = patience;
        _time = time;
        // The host's queue messages are Base64, and so are those of the blob extension's poison queue.
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        _poison = new QueueClient(connectionString, RecordFailedIngestFunction.PoisonQueue, options);
        _poisonOfPoison = new QueueClient(connectionString, RecordFailedIngestFunction.PoisonQueue + "-poison", options);
    }

    public HostSettings Settings => _settings;

    public async Task CreateQueuesAsync(CancellationToken cancellationToken)
    {
        await _poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await _poisonOfPoison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
    }

    /// <summary>The blob trigger firing for <paramref name="blobName"/>: every try, and the poison message after the last.</summary>
    public async Task<TriggerResult> TriggerAsync(string blobName, CancellationToken cancellationToken)
    {
        var pipeline = new LocalPipeline(_host);
        var blob = _host.Get<StorageClientFactory>().Report(blobName);
        var failed = new List<string>();
        while (failed.Count < _settings.PoisonBlobThreshold)
        {
            try
            {
                return new(await pipeline.TriggerAsync(blob, cancellationToken), failed);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                failed.Add(IngestionFailures.Classify(e));
            }
        }

        var message = JsonSerializer.Serialize(new PoisonBlobMessage($"Host.Functions.{FunctionNames.IngestReport}", StorageNames.ReportsContainer, blobName));
        await _patience.RunAsync(() => _poison.SendMessageAsync(message, cancellationToken), cancellationToken);
        return new(null, failed);
    }

    /// <summary>
    /// The queue trigger on the poison queue: runs RecordFailedIngest on each message until the queue is empty and
    /// <paramref name="moreMayCome"/> says no more will be put on it.
    /// </summary>
    public async Task<PoisonDrain> DrainPoisonAsync(Func<bool> moreMayCome, CancellationToken cancellationToken)
    {
        var recorded = new List<UploadRecord>();
        int failedRuns = 0, moved = 0;
        while (true)
        {
            var batch = await _patience.RunAsync(async () => (await _poison.ReceiveMessagesAsync(32, s_visibility, cancellationToken)).Value, cancellationToken);
            foreach (var message in batch)
            {
                if (message.DequeueCount > _settings.MaxDequeueCount)
                {
                    await _patience.RunAsync(() => _poisonOfPoison.SendMessageAsync(message.Body.ToString(), cancellationToken), cancellationToken);
                    await DeleteAsync(message.MessageId, message.PopReceipt, cancellationToken);
                    moved++;
                    continue;
                }

                try
                {
                    var row = await _host.Get<RecordFailedIngestFunction>().RunAsync(message.Body.ToString(), cancellationToken);
                    await DeleteAsync(message.MessageId, message.PopReceipt, cancellationToken);
                    if (row is not null)
                    {
                        recorded.Add(row);
                    }
                }
                catch (Exception) when (!cancellationToken.IsCancellationRequested)
                {
                    // As the host does with a failed run: the message shows again after its visibility timeout.
                    failedRuns++;
                }
            }

            if (batch.Length == 0)
            {
                var more = moreMayCome();
                var waiting = (await _patience.RunAsync(() => _poison.GetPropertiesAsync(cancellationToken), cancellationToken)).Value.ApproximateMessagesCount;
                if (!more && waiting == 0)
                {
                    return new(recorded, failedRuns, moved);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), _time, cancellationToken);
            }
        }
    }

    /// <summary>Deletes a handled message; one already gone (its receipt outlived by a restart) needs nothing more.</summary>
    private async Task DeleteAsync(string id, string receipt, CancellationToken cancellationToken)
    {
        try
        {
            await _patience.RunAsync(() => _poison.DeleteMessageAsync(id, receipt, cancellationToken), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Handled all the same: the queue no longer holds it.
        }
    }
}
