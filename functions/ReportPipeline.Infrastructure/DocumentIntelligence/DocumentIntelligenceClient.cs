using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Azure.Core;
using Microsoft.Extensions.Logging;
using Polly;
using ReportPipeline.Core;

namespace ReportPipeline.Infrastructure.DocumentIntelligence;

/// <summary>
/// Document Intelligence over REST (the SDK packages are not available here): submit raw bytes, poll the exact
/// Operation-Location honouring Retry-After, resubmit an expired or internally failed operation, and return the
/// <c>analyzeResult</c>. Document faults become <see cref="ReportRejectedException"/>; service faults propagate.
/// </summary>
public sealed class DocumentIntelligenceClient(
    HttpClient http,
    DocumentIntelligenceOptions options,
    ResiliencePipeline<HttpResponseMessage> requestPipeline,
    ResiliencePipeline totalPipeline,
    TokenCredential? credential,
    TimeProvider timeProvider,
    ILogger<DocumentIntelligenceClient> logger)
{
    public const string Scope = "https://cognitiveservices.azure.com/.default";

    private readonly BearerToken? _token = credential is null ? null : new BearerToken(credential, Scope, timeProvider);

    /// <summary>Analyses the bytes and returns the <c>analyzeResult</c> element (a clone, independent of the response).</summary>
    public async Task<JsonElement> AnalyzeAsync(ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken) =>
        await totalPipeline.ExecuteAsync(async ct => await AnalyzeOnceAsync(content, contentType, ct), cancellationToken);

    private async Task<JsonElement> AnalyzeOnceAsync(ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        for (var submission = 0; ; submission++)
        {
            var (operation, wait) = await SubmitAsync(content, contentType, cancellationToken);
            var outcome = await PollAsync(operation, wait, cancellationToken);
            if (outcome is { } result)
            {
                return result;
            }

            if (submission >= options.MaxResubmits)
            {
                throw new DocumentIntelligenceException(HttpStatusCode.ServiceUnavailable, "ResubmitLimit",
                    $"The analysis expired or failed inside the service {submission + 1} times.");
            }

            logger.Resubmitting(operation, submission + 1);
        }
    }

    private async Task<(Uri Operation, TimeSpan Wait)> SubmitAsync(ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        var service = options.ApiVersion == DocumentIntelligenceOptions.V31 ? "formrecognizer" : "documentintelligence";
        var uri = new Uri($"{options.Endpoint!.TrimEnd('/')}/{service}/documentModels/{options.ModelId}:analyze"
            + $"?api-version={options.ApiVersion}&stringIndexType=utf16CodeUnit&features=languages&pages=1-{options.MaxPages}");
        using var response = await SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ReadOnlyMemoryContent(content) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            return request;
        }, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw await FailureAsync(response, cancellationToken);
        }

        var location = response.Headers.TryGetValues("Operation-Location", out var values) ? values.FirstOrDefault() : null;
        if (!Uri.TryCreate(location, UriKind.Absolute, out var operation))
        {
            throw new DocumentIntelligenceException(response.StatusCode, "NoOperationLocation", "The service accepted the document but sent no Operation-Location.");
        }

        // The bearer token goes with every poll: only to the endpoint it was obtained for, never to a host a reply names.
        if (Uri.Compare(operation, uri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            throw new DocumentIntelligenceException(response.StatusCode, "ForeignOperationLocation",
                $"The service named an operation on {operation.GetLeftPart(UriPartial.Authority)}, not on the configured endpoint {uri.GetLeftPart(UriPartial.Authority)}.");
        }

        return (operation, PollWait(response));
    }

    /// <summary>The result, or null when the operation must be submitted again (expired, or failed inside the service).</summary>
    private async Task<JsonElement?> PollAsync(Uri operation, TimeSpan wait, CancellationToken cancellationToken)
    {
        while (true)
        {
            await Task.Delay(wait, timeProvider, cancellationToken);
            using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, operation), cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                var error = await ErrorAsync(response, cancellationToken);
                if (error.Codes.Contains("OperationNotFound") || error.Codes.Contains("NotFound"))
                {
                    return null;
                }

                throw Failure(response.StatusCode, error);
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw await FailureAsync(response, cancellationToken);
            }

            using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), default, cancellationToken);
            var status = body.RootElement.TryGetProperty("status", out var s) ? s.GetString() : null;
            switch (status)
            {
                case "succeeded":
                    return body.RootElement.TryGetProperty("analyzeResult", out var result)
                        ? result.Clone()
                        : throw new DocumentIntelligenceException(response.StatusCode, "NoResult", "The operation succeeded without an analyzeResult.");
                case "failed":
                    var error = ServiceError.From(body.RootElement.TryGetProperty("error", out var e) ? e : default);
                    if (error.Codes.Contains("InternalServerError"))
                    {
                        return null;
                    }

                    throw Failure(HttpStatusCode.OK, error);
                case "canceled" or "skipped":
                    throw new DocumentIntelligenceException(response.StatusCode, status, $"The analysis ended as {status}.");
                default:
                    // notStarted, running, or a status added after these api-versions: keep polling.
                    wait = PollWait(response);
                    break;
            }
        }
    }

    private TimeSpan PollWait(HttpResponseMessage response)
    {
        var wait = HttpRequestResilience.RetryAfter(response, options.MaxRetryDelay) ?? options.PollInterval;
        return wait < options.MinPollInterval ? options.MinPollInterval : wait;
    }

    /// <summary>Sends through the request pipeline; every attempt gets a new message, since one cannot be sent twice.</summary>
    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> create, CancellationToken cancellationToken) =>
        await requestPipeline.ExecuteAsync(
            async ct =>
            {
                using var request = create();
                await AuthorizeAsync(request, ct);
                return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            },
            cancellationToken);

    private async Task AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(options.Key))
        {
            request.Headers.Add("Ocp-Apim-Subscription-Key", options.Key);
            return;
        }

        if (_token is not null)
        {
            await _token.AuthorizeAsync(request, cancellationToken);
        }
    }

    private static async Task<Exception> FailureAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        Failure(response.StatusCode, await ErrorAsync(response, cancellationToken));

    /// <summary>What the document is to blame for becomes a rejection; the rest is the service's or ours, and may pass.</summary>
    private static Exception Failure(HttpStatusCode status, ServiceError error)
    {
        if (error.Codes.Contains("InvalidContent"))
        {
            return new ReportRejectedException(ReasonCodes.Corrupt, "Document Intelligence could not read the file: it is damaged or not what its content claims.");
        }

        if (error.Codes.Contains("UnsupportedContent"))
        {
            return new ReportRejectedException(ReasonCodes.UnsupportedFormat, "Document Intelligence does not support this kind of file.");
        }

        if (error.Codes.Contains("InvalidContentLength"))
        {
            return new ReportRejectedException(ReasonCodes.TooLarge, "The file is larger than Document Intelligence accepts.");
        }

        return new DocumentIntelligenceException(status, error.Codes.FirstOrDefault() ?? status.ToString(), error.Message);
    }

    private static async Task<ServiceError> ErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), default, cancellationToken);
            return ServiceError.From(body.RootElement.TryGetProperty("error", out var e) ? e : default);
        }
        catch (JsonException)
        {
            return new ServiceError([], $"HTTP {(int)response.StatusCode} without an error body");
        }
    }

    /// <summary>Every code in an error, its inner errors and details: the one that matters may be at any depth.</summary>
    private sealed record ServiceError(IReadOnlyList<string> Codes, string Message)
    {
        public static ServiceError From(JsonElement error)
        {
            var codes = new List<string>();
            Collect(error, codes, 0);
            var message = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
            return new ServiceError(codes, message);
        }

        private static void Collect(JsonElement error, List<string> codes, int depth)
        {
            if (error.ValueKind != JsonValueKind.Object || depth > 8)
            {
                return;
            }

            if (error.TryGetProperty("code", out var code) && code.GetString() is { } c)
            {
                codes.Add(c);
            }

            if (error.TryGetProperty("innererror", out var inner))
            {
                Collect(inner, codes, depth + 1);
            }

            if (error.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Array)
            {
                foreach (var detail in details.EnumerateArray())
                {
                    Collect(detail, codes, depth + 1);
                }
            }
        }
    }
}
