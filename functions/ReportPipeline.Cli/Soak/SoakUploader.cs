using System.Net;
using System.Text.Json;
using Azure;
using ReportPipeline.Cli.Commands;
using ReportPipeline.Core.Uploads;
using ReportPipeline.Functions.Uploads;
using ReportPipeline.Infrastructure.Storage;

namespace ReportPipeline.Cli.Soak;

/// <summary>
/// Sends the soak's uploads as they reach the container in production. A Member State's script asks RequestUploadSlot
/// (the function class, with the state's key as its bearer token) for a slot and PUTs the bytes to the slot's URL over
/// HTTP; a stray blob is written straight into the container, as an operator's copy would be. Both try again through a
/// storage outage, as scripts do on an HTTP 500 or a refused connection.
/// </summary>
internal sealed class SoakUploader(LocalHost host, IReadOnlyDictionary<string, string> keys, HttpClient http, Patience patience)
{
    private const string SlotPath = "/api/uploads";

    public async Task<Delivery> DeliverAsync(SoakUpload upload, CancellationToken cancellationToken)
    {
        if (!upload.ThroughSlot)
        {
            await WriteStrayAsync(upload.StrayBlobName, upload.Content, cancellationToken);
            return new(upload.StrayBlobName, null);
        }

        var (slot, refusal) = await RequestSlotAsync(upload, cancellationToken);
        if (slot is null)
        {
            return new(null, refusal);
        }

        await PutAsync(slot, upload.Content, cancellationToken);
        return new(slot.BlobName, null);
    }

    private Task<(UploadSlot? Slot, string? Refusal)> RequestSlotAsync(SoakUpload upload, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(new { state = upload.State, period = upload.Period, fileName = upload.FileName });
        return patience.RunAsync(async () =>
        {
            var request = LocalHttpRequest.Create("POST", SlotPath, body, $"Bearer {keys[upload.KeyState]}");
            var response = await LocalHttpRequest.RespondAsync(request, await host.Get<RequestUploadSlotFunction>().RunAsync(request, cancellationToken));
            using var json = await JsonDocument.ParseAsync(response.Body, cancellationToken: cancellationToken);
            var (slot, error, _) = UploadCommand.ReadSlotReply(response.StatusCode == (int)HttpStatusCode.OK, json.RootElement);
            return (slot, slot is null ? error : null);
        }, cancellationToken);
    }

    /// <summary>
    /// One Put Blob per try. A try whose answer was lost may have stored the blob, and the next is then refused, since a
    /// create-only slot may not overwrite (Azurite answers 403, Azure 409); the slot's name is fresh, so a blob there with
    /// these bytes is this upload's.
    /// </summary>
    private Task PutAsync(UploadSlot slot, byte[] content, CancellationToken cancellationToken) =>
        patience.RunAsync(async () =>
        {
            using var response = await UploadCommand.PutToSlotAsync(http, slot, new ByteArrayContent(content), cancellationToken);
            if ((int)response.StatusCode >= 500)
            {
                throw new HttpRequestException($"The slot answered HTTP {(int)response.StatusCode}.", null, response.StatusCode);
            }

            return response.IsSuccessStatusCode || await StoredAsync(slot.BlobName, content, cancellationToken)
                ? true
                : throw new InvalidOperationException($"The slot for {slot.BlobName} refused the upload: HTTP {(int)response.StatusCode} {response.ReasonPhrase}.");
        }, cancellationToken);

    /// <summary>Written once: the SDK's own retry of a write whose answer was lost meets 409, and then the blob holds these bytes.</summary>
    private Task WriteStrayAsync(string blobName, byte[] content, CancellationToken cancellationToken) =>
        patience.RunAsync(async () =>
        {
            try
            {
                await host.Get<StorageClientFactory>().Report(blobName).UploadAsync(BinaryData.FromBytes(content), overwrite: false, cancellationToken);
                return true;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                return await StoredAsync(blobName, content, cancellationToken) ? true : throw new InvalidOperationException($"{blobName} exists with other bytes.", e);
            }
        }, cancellationToken);

    private async Task<bool> StoredAsync(string blobName, byte[] content, CancellationToken cancellationToken)
    {
        try
        {
            var stored = (await host.Get<StorageClientFactory>().Report(blobName).DownloadContentAsync(cancellationToken)).Value.Content;
            return stored.ToMemory().Span.SequenceEqual(content);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }
}
