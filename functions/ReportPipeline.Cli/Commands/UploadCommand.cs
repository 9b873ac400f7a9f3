using System.CommandLine;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ReportPipeline.Core.Ingestion;
using ReportPipeline.Core.Uploads;
using ReportPipeline.Infrastructure.Storage;

namespace ReportPipeline.Cli.Commands;

/// <summary>
/// <c>upload FILE --state ISO3 --period P --key KEY</c>: what a Member State's script does. It asks for a slot
/// (from a deployed app with <c>--api</c>, else through the UploadSlotService that RequestUploadSlot calls) and
/// PUTs the bytes to the slot URL with plain HTTP, holding no storage credential. Locally it then runs
/// IngestReport on the new blob, as Event Grid would in Azure.
/// </summary>
internal static class UploadCommand
{
    public static Command Create(Option<string?> storage)
    {
        var file = new Argument<FileInfo>("file") { Description = "The report to upload." };
        var state = new Option<string>("--state") { Required = true, Description = "ISO 3166 alpha-3 code of the reporting Member State." };
        var period = new Option<string>("--period") { Required = true, Description = "Reporting period: 2026, 2026-H1 or 2026-Q3." };
        var key = new Option<string>("--key") { Description = "The state's upload key (default: the ReportPipeline__UploadKey variable, which keeps it out of shell history)." };
        key.DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ReportPipeline__UploadKey") ?? "";
        var api = new Option<Uri?>("--api")
        {
            Description = "Base URL of a deployed app, e.g. https://func-reports-xyz.azurewebsites.net/api; default: this machine's storage.",
            // System.CommandLine has no converter for Uri.
            CustomParser = r =>
            {
                if (Uri.TryCreate(r.Tokens[0].Value, UriKind.Absolute, out var url))
                {
                    return url;
                }

                r.AddError($"--api: '{r.Tokens[0].Value}' is not an absolute URL.");
                return null;
            },
        };
        var noIngest = new Option<bool>("--no-ingest") { Description = "Only upload; do not run IngestReport locally afterwards." };
        var command = new Command("upload", "Upload a report as a Member State does: request a create-only slot with the state's key, then PUT the file.")
        {
            file, state, period, key, api, noIngest,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var source = result.GetValue(file)!;
            if (!source.Exists)
            {
                Console.Error.WriteLine($"{source.FullName}: no such file");
                return 2;
            }

            var (iso3, p, k) = (result.GetValue(state)!, result.GetValue(period)!, result.GetValue(key)!);
            if (k.Length == 0)
            {
                Console.Error.WriteLine("Give the state's upload key with --key or the ReportPipeline__UploadKey variable.");
                return 2;
            }

            if (result.GetValue(api) is { } baseUrl)
            {
                using var http = new HttpClient();
                var remote = await RequestRemoteSlotAsync(http, baseUrl, k, iso3, p, source.Name, cancellationToken);
                return remote is null ? 1 : await PutAsync(http, remote, source, cancellationToken) ? 0 : 1;
            }

            await using var host = await LocalHost.StartAsync(result.GetValue(storage), cancellationToken);
            var granted = await host.Get<UploadSlotService>().RequestAsync(k, iso3, p, source.Name, cancellationToken);
            if (granted.Slot is not { } slot)
            {
                Console.Error.WriteLine($"No upload slot: {granted.ReasonCode}: {granted.Message}");
                return 1;
            }

            using (var http = new HttpClient())
            {
                if (!await PutAsync(http, slot, source, cancellationToken))
                {
                    return 1;
                }
            }

            if (result.GetValue(noIngest))
            {
                return 0;
            }

            var outcome = await new LocalPipeline(host).TriggerAsync(host.Get<StorageClientFactory>().Report(slot.BlobName), cancellationToken);
            Console.WriteLine($"{outcome.Upload.BlobName}: {DemoCommand.Describe(outcome)}");
            return outcome.Status == IngestionStatus.Rejected ? 1 : 0;
        });
        return command;
    }

    /// <summary>PUTs the bytes to a slot in one Put Blob request: a create-only SAS allows nothing else (no blocks, no retry over an existing blob).</summary>
    public static async Task<HttpResponseMessage> PutToSlotAsync(HttpClient http, UploadSlot slot, HttpContent content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, slot.Url) { Content = content };
        request.Headers.Add("x-ms-blob-type", "BlockBlob");
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return await http.SendAsync(request, cancellationToken);
    }

    private static async Task<bool> PutAsync(HttpClient http, UploadSlot slot, FileInfo source, CancellationToken cancellationToken)
    {
        await using var content = source.OpenRead();
        using var response = await PutToSlotAsync(http, slot, new StreamContent(content), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            Console.Error.WriteLine($"Upload to the slot failed: HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            return false;
        }

        Console.WriteLine($"Uploaded {source.Name} to {StorageNames.ReportsContainer}/{slot.BlobName}");
        return true;
    }

    private static async Task<UploadSlot?> RequestRemoteSlotAsync(HttpClient http, Uri baseUrl, string key, string state, string period, string fileName, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl.ToString().TrimEnd('/') + "/uploads"))
        {
            Content = JsonContent.Create(new { state, period, fileName }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request, cancellationToken);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var reply = ReadSlotReply(response.IsSuccessStatusCode, body.RootElement);
        if (reply.Slot is null)
        {
            Console.Error.WriteLine($"No upload slot: HTTP {(int)response.StatusCode} {reply.Error}: {reply.Message}");
        }

        return reply.Slot;
    }

    /// <summary>RequestUploadSlot's answer: the slot it granted, or the reason code and message it refused with.</summary>
    public static (UploadSlot? Slot, string Error, string Message) ReadSlotReply(bool granted, JsonElement root) =>
        granted
            ? (new UploadSlot(Text(root, "blobName"), new Uri(Text(root, "url")), root.GetProperty("expiresAt").GetDateTimeOffset()), "", "")
            : (null, Text(root, "error"), Text(root, "message"));

    private static string Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
