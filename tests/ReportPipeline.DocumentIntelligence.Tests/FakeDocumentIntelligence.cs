using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using ReportPipeline.TestServers;

namespace ReportPipeline.DocumentIntelligence.Tests;

/// <summary>A canned reply of the test server; <see cref="Abort"/> drops the connection instead.</summary>
internal sealed record Reply(int Status, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null, bool Abort = false);

/// <summary>What the server received, and when by the server's <see cref="FakeDocumentIntelligence.Clock"/>.</summary>
internal sealed record Received(string Method, string PathAndQuery, string? ContentType, byte[] Body, string? Key, string? Authorization, DateTimeOffset At);

/// <summary>
/// A Document Intelligence stand-in on 127.0.0.1 that speaks the REST protocol of DOCUMENT-INTELLIGENCE.md: analyze
/// answers 202 with an Operation-Location, the GET of that exact URL answers the operation. Replies are scripted per
/// route; when a script runs out, the defaults apply (202, then the synthetic layout result).
/// </summary>
internal sealed class FakeDocumentIntelligence : LoopbackHttpServer
{
    /// <summary>The Operation-Location this server hands out; the opaque extra parameter proves the client polls it verbatim.</summary>
    public string OperationLocation(string service = "documentintelligence", string apiVersion = "2024-11-30") =>
        $"{Endpoint}/{service}/documentModels/prebuilt-layout/analyzeResults/3b31320d-8bab-4f88-b19c-2322a7f11034?api-version={apiVersion}&opaque=keep-me";

    public ConcurrentQueue<Reply> Submits { get; } = new();

    public ConcurrentQueue<Reply> Polls { get; } = new();

    public Func<Reply> DefaultPoll { get; set; } = () => new Reply(200, Fixtures.SyntheticLayout);

    public string Service { get; set; } = "documentintelligence";

    public string ApiVersion { get; set; } = "2024-11-30";

    /// <summary>The clock that stamps what the server receives: the test's, when the client runs on a fake one.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public ConcurrentQueue<Received> Requests { get; } = new();

    public IEnumerable<Received> Posts => Requests.Where(r => r.Method == "POST");

    public IEnumerable<Received> Gets => Requests.Where(r => r.Method == "GET");

    public static Reply Error(int status, string code, string? inner = null, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, JsonSerializer.Serialize(new
        {
            error = inner is null
                ? (object)new { code, message = $"{code} from the test server" }
                : new { code, message = $"{code} from the test server", innererror = new { code = inner, message = inner } },
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

        Reply reply;
        if (request.HttpMethod == "POST" && pathAndQuery.StartsWith($"/{Service}/documentModels/prebuilt-layout:analyze?", StringComparison.Ordinal))
        {
            reply = Submits.TryDequeue(out var r) ? r : new Reply(202, null, new Dictionary<string, string> { ["Operation-Location"] = OperationLocation(Service, ApiVersion) });
        }
        else if (request.HttpMethod == "GET" && Endpoint + pathAndQuery == OperationLocation(Service, ApiVersion))
        {
            reply = Polls.TryDequeue(out var r) ? r : DefaultPoll();
        }
        else
        {
            reply = Error(404, "NotFound");
        }

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
}

internal static class Fixtures
{
    public static string SyntheticLayout { get; } = Read("synthetic-2024-11-30-layout-operation.json");

    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
}
