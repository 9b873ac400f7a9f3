using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;

namespace ReportPipeline.Local;

/// <summary>
/// A Document Intelligence stand-in on 127.0.0.1 that speaks the REST protocol of DOCUMENT-INTELLIGENCE.md: analyze
/// answers 202 with an Operation-Location, the GET of that exact URL answers the operation. Replies are scripted per
/// route; when a script runs out, the defaults apply (202, then the synthetic layout result). <see cref="Faults"/>, when
/// set, comes before both. The tests script it; the soak sends scans to it, with bursts of 429 and 503.
/// </summary>
public sealed class FakeDocumentIntelligence : LoopbackHttpServer
{
    private long _requests;
    private long _throttled;
    private long _unavailable;
    private DateTimeOffset? _outageStarted;

    /// <summary>
    /// A prebuilt-layout operation that succeeded, marked synthetic: hand-made after the 2024-11-30 definitions of
    /// AnalyzeOperation and AnalyzeResult, since no official result is small enough to keep. It is not a service response.
    /// </summary>
    public static string SyntheticLayout { get; } = ReadResource("synthetic-2024-11-30-layout-operation.json");

    /// <summary>The Operation-Location this server hands out; the opaque extra parameter proves the client polls it verbatim.</summary>
    public string OperationLocation(string service = "documentintelligence", string apiVersion = "2024-11-30") =>
        $"{Endpoint}/{service}/documentModels/prebuilt-layout/analyzeResults/3b31320d-8bab-4f88-b19c-2322a7f11034?api-version={apiVersion}&opaque=keep-me";

    public ConcurrentQueue<Reply> Submits { get; } = new();

    public ConcurrentQueue<Reply> Polls { get; } = new();

    public Func<Reply> DefaultPoll { get; set; } = () => new Reply(200, SyntheticLayout);

    public FaultBursts? Faults { get; set; }

    public string Service { get; set; } = "documentintelligence";

    public string ApiVersion { get; set; } = "2024-11-30";

    /// <summary>The clock that stamps what the server receives: the test's, when the client runs on a fake one.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public ConcurrentQueue<Received> Requests { get; } = new();

    public IEnumerable<Received> Posts => Requests.Where(r => r.Method == "POST");

    public IEnumerable<Received> Gets => Requests.Where(r => r.Method == "GET");

    /// <summary>Requests answered 429 by <see cref="Faults"/>.</summary>
    public long Throttled => Interlocked.Read(ref _throttled);

    /// <summary>Requests answered 5xx by <see cref="Faults"/>.</summary>
    public long Unavailable => Interlocked.Read(ref _unavailable);

    public static Reply Error(int status, string code, string? inner = null, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, JsonSerializer.Serialize(new
        {
            error = inner is null
                ? (object)new { code, message = $"{code} from the fake server" }
                : new { code, message = $"{code} from the fake server", innererror = new { code = inner, message = inner } },
        }), headers);

    public static Reply Running() => new(200, """{"status":"running","createdDateTime":"2026-01-01T00:00:00Z","lastUpdatedDateTime":"2026-01-01T00:00:01Z"}""");

    public static Reply Failed(string code, string detail) => new(200, JsonSerializer.Serialize(new
    {
        status = "failed",
        createdDateTime = "2026-01-01T00:00:00Z",
        lastUpdatedDateTime = "2026-01-01T00:00:01Z",
        error = new { code, message = "failed", details = new[] { new { code = detail, message = "detail", target = "1" } } },
    }));

    protected override async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        using var body = new MemoryStream();
        await request.InputStream.CopyToAsync(body);
        var pathAndQuery = request.Url!.PathAndQuery;
        Requests.Enqueue(new Received(request.HttpMethod, pathAndQuery, request.ContentType, body.ToArray(),
            request.Headers["Ocp-Apim-Subscription-Key"], request.Headers["Authorization"], Clock.GetUtcNow()));

        var reply = Fault(Interlocked.Increment(ref _requests) - 1) is { } fault ? Count(fault) : Route(request.HttpMethod, pathAndQuery);
        if (reply.Abort)
        {
            // Promise a body, send a little of it, drop the connection: the client sees a network error.
            context.Response.StatusCode = 202;
            context.Response.ContentLength64 = 1000;
            await context.Response.OutputStream.WriteAsync("{\"st"u8.ToArray());
            await context.Response.OutputStream.FlushAsync();
            context.Response.Abort();
            return;
        }

        await ReplyAsync(context.Response, reply.Status, reply.Body, reply.Headers);
    }

    private Reply Route(string method, string pathAndQuery)
    {
        if (method == "POST" && pathAndQuery.StartsWith($"/{Service}/documentModels/prebuilt-layout:analyze?", StringComparison.Ordinal))
        {
            return Submits.TryDequeue(out var r) ? r : new Reply(202, null, new Dictionary<string, string> { ["Operation-Location"] = OperationLocation(Service, ApiVersion) });
        }

        if (method == "GET" && Endpoint + pathAndQuery == OperationLocation(Service, ApiVersion))
        {
            return Polls.TryDequeue(out var r) ? r : DefaultPoll();
        }

        return Error(404, "NotFound");
    }

    /// <summary>What <see cref="Faults"/> answers the <paramref name="index"/>th request, or null; requests are handled one at a time.</summary>
    private Reply? Fault(long index)
    {
        if (Faults is not { } faults)
        {
            return null;
        }

        if (faults.OutageFrom >= 0 && index >= faults.OutageFrom)
        {
            _outageStarted ??= Clock.GetUtcNow();
            if (Clock.GetUtcNow() < _outageStarted + faults.OutageLength)
            {
                return Error(503, "ServiceUnavailable");
            }
        }

        return faults.For(index);
    }

    private Reply Count(Reply fault)
    {
        Interlocked.Increment(ref fault.Status == 429 ? ref _throttled : ref _unavailable);
        return fault;
    }

    private static string ReadResource(string name)
    {
        using var stream = typeof(FakeDocumentIntelligence).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The resource {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
