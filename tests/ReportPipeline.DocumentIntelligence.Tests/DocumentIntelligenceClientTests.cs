using System.Text.Json;
using System.Web;
using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Testing;
using Polly.Timeout;
using ReportPipeline.Core;
using ReportPipeline.Core.Reports;
using ReportPipeline.Documents;
using ReportPipeline.Documents.Pdf;
using ReportPipeline.Infrastructure;
using ReportPipeline.Infrastructure.DocumentIntelligence;
using ReportPipeline.Local;
using ReportPipeline.TestServers;

namespace ReportPipeline.DocumentIntelligence.Tests;

/// <summary>
/// The REST client against a real HTTP server on 127.0.0.1 that speaks the documented protocol. Time is the test's:
/// retries and polls wait zero unless a test says otherwise, and timeouts fire only when a test moves the clock on.
/// </summary>
public sealed class DocumentIntelligenceClientTests : IAsyncLifetime
{
    private readonly WatchedClock _clock = new();
    private readonly FakeDocumentIntelligence _server;

    public DocumentIntelligenceClientTests() => _server = new FakeDocumentIntelligence { Clock = _clock };

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DocumentIntelligenceOptions Options(Action<DocumentIntelligenceOptions>? change = null)
    {
        var options = new DocumentIntelligenceOptions
        {
            Endpoint = _server.Endpoint,
            Key = "test-key",
            RetryDelay = TimeSpan.Zero,
            PollInterval = TimeSpan.Zero,
            MinPollInterval = TimeSpan.Zero,
            MaxRetryDelay = TimeSpan.FromSeconds(2),
            AttemptTimeout = TimeSpan.FromSeconds(5),
            TotalTimeout = TimeSpan.FromSeconds(20),
        };
        change?.Invoke(options);
        return options;
    }

    private DocumentIntelligenceClient Client(DocumentIntelligenceOptions options, TokenCredential? credential = null)
    {
        var request = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _clock };
        DocumentIntelligencePipelines.ConfigureRequest(request, options);
        var total = new ResiliencePipelineBuilder { TimeProvider = _clock };
        DocumentIntelligencePipelines.ConfigureTotal(total, options);
        return new DocumentIntelligenceClient(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, options, request.Build(), total.Build(),
            credential, _clock, NullLogger<DocumentIntelligenceClient>.Instance);
    }

    private static readonly byte[] s_pdf = "%PDF-1.7 scanned page"u8.ToArray();

    [Fact]
    public async Task AnalyzeAsync_V4_PostsRawBytesWithProtocolParametersAndPollsTheExactOperationLocation()
    {
        var result = await Client(Options()).AnalyzeAsync(s_pdf, "application/pdf", Ct);

        var post = Assert.Single(_server.Posts);
        var query = HttpUtility.ParseQueryString(post.PathAndQuery.Split('?')[1]);
        Assert.StartsWith("/documentintelligence/documentModels/prebuilt-layout:analyze?", post.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal("2024-11-30", query["api-version"]);
        Assert.Equal("utf16CodeUnit", query["stringIndexType"]);
        Assert.Equal("languages", query["features"]);
        Assert.Equal("application/pdf", post.ContentType);
        Assert.Equal(s_pdf, post.Body);
        Assert.Equal("test-key", post.Key);
        Assert.Null(post.Authorization);
        Assert.All(_server.Gets, g => Assert.Equal(_server.OperationLocation(), _server.Endpoint + g.PathAndQuery));
        Assert.Equal("prebuilt-layout", result.GetProperty("modelId").GetString());
    }

    [Fact]
    public async Task AnalyzeAsync_V31_UsesTheFormRecognizerPath()
    {
        _server.Service = "formrecognizer";
        _server.ApiVersion = "2023-07-31";

        await Client(Options(o => o.ApiVersion = DocumentIntelligenceOptions.V31)).AnalyzeAsync(s_pdf, "application/pdf", Ct);

        var post = Assert.Single(_server.Posts);
        Assert.StartsWith("/formrecognizer/documentModels/prebuilt-layout:analyze?api-version=2023-07-31&", post.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzeAsync_OfficialOperationLocationShape_IsWhatTheServerAnswers()
    {
        // The official example's Operation-Location, with the test server's endpoint in place of myendpoint.
        using var example = JsonDocument.Parse(Fixtures.Read("official-2024-11-30-AnalyzeDocument_Stream.json"));
        var official = example.RootElement.GetProperty("responses").GetProperty("202").GetProperty("headers").GetProperty("Operation-Location").GetString()!;
        var location = official.Replace("https://myendpoint.cognitiveservices.azure.com", _server.Endpoint, StringComparison.Ordinal)
            .Replace("customModel", "prebuilt-layout", StringComparison.Ordinal);
        _server.Submits.Enqueue(new Reply(202, null, new Dictionary<string, string> { ["Operation-Location"] = location }));
        _server.Polls.Enqueue(new Reply(200, Fixtures.Read("official-2024-11-30-GetClassifyDocumentResult.json")));

        var e = await Assert.ThrowsAsync<DocumentIntelligenceException>(() => Client(Options(o => o.MaxResubmits = 0)).AnalyzeAsync(s_pdf, "application/pdf", Ct));

        // The official id has no opaque parameter, so this server does not know it (404 NotFound): the client polled the URL it was given.
        Assert.Equal(location, _server.Endpoint + _server.Gets.First().PathAndQuery);
        Assert.Equal("ResubmitLimit", e.Code);
    }

    [Fact]
    public async Task AnalyzeAsync_OfficialSucceededEnvelope_ReturnsItsAnalyzeResult()
    {
        using var example = JsonDocument.Parse(Fixtures.Read("official-2024-11-30-GetClassifyDocumentResult.json"));
        _server.Polls.Enqueue(new Reply(200, example.RootElement.GetProperty("responses").GetProperty("200").GetProperty("body").GetRawText()));

        var result = await Client(Options()).AnalyzeAsync(s_pdf, "application/pdf", Ct);

        Assert.Equal(3, AnalyzeResultMapper.Map(result, DocumentFormat.Pdf).Pages);
    }

    [Fact]
    public async Task AnalyzeAsync_429WithRetryAfter_WaitsThatLongThenSucceeds()
    {
        _server.Submits.Enqueue(FakeDocumentIntelligence.Error(429, "429", headers: new Dictionary<string, string> { ["Retry-After"] = "1" }));

        var options = Options();
        var analysis = Client(options).AnalyzeAsync(s_pdf, "application/pdf", Ct);
        await _clock.PassWaitsAsync(analysis, under: options.AttemptTimeout, times: 1, Ct);
        await analysis;

        var posts = _server.Posts.ToList();
        Assert.Equal(2, posts.Count);
        Assert.Equal(TimeSpan.FromSeconds(1), posts[1].At - posts[0].At);
    }

    [Fact]
    public async Task AnalyzeAsync_BurstOf503_RetriesThrough()
    {
        for (var i = 0; i < 3; i++)
        {
            _server.Submits.Enqueue(FakeDocumentIntelligence.Error(503, "ServiceUnavailable"));
        }

        _server.Polls.Enqueue(FakeDocumentIntelligence.Error(503, "ServiceUnavailable"));

        await Client(Options()).AnalyzeAsync(s_pdf, "application/pdf", Ct);

        Assert.Equal(4, _server.Posts.Count());
        Assert.Equal(2, _server.Gets.Count());
    }

    [Fact]
    public async Task AnalyzeAsync_503Persisting_StopsAfterTheBoundedAttempts()
    {
        for (var i = 0; i < 20; i++)
        {
            _server.Submits.Enqueue(FakeDocumentIntelligence.Error(503, "ServiceUnavailable"));
        }

        var e = await Assert.ThrowsAsync<DocumentIntelligenceException>(() => Client(Options(o => o.MaxRetries = 3)).AnalyzeAsync(s_pdf, "application/pdf", Ct));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, e.Status);
        Assert.Equal(4, _server.Posts.Count());
    }

    [Fact]
    public async Task AnalyzeAsync_DroppedConnection_IsRetried()
    {
        _server.Submits.Enqueue(new Reply(0, Abort: true));

        await Client(Options()).AnalyzeAsync(s_pdf, "application/pdf", Ct);

        Assert.Equal(2, _server.Posts.Count());
    }

    [Theory]
    [InlineData("InvalidContent", ReasonCodes.Corrupt)]
    [InlineData("UnsupportedContent", ReasonCodes.UnsupportedFormat)]
    [InlineData("InvalidContentLength", ReasonCodes.TooLarge)]
    public async Task AnalyzeAsync_SubmitRejectedForContent_IsAPermanentRejection(string inner, string reason)
    {
        _server.Submits.Enqueue(FakeDocumentIntelligence.Error(400, "InvalidRequest", inner));

        var e = await Assert.ThrowsAsync<ReportRejectedException>(() => Client(Options()).AnalyzeAsync(s_pdf, "application/pdf", Ct));

        Assert.Equal(reason, e.ReasonCode);
        Assert.Single(_server.Posts);
    }

    [Fact]
    public async Task AnalyzeAsync_OperationFailsWithInvalidContent_IsAPermanentRejection()
    {
        _server.Polls.Enqueue(FakeDocumentIntelligence.Running());
        _server.Polls.Enqueue(FakeDocumentIntelligence.Failed("InvalidRequest", "InvalidContent"));

        var e = await Assert.ThrowsAsync<ReportRejectedException>(() => Client(Options()).AnalyzeAsync(s_pdf, "application/pdf", Ct));

        Assert.Equal(ReasonCodes.Corrupt, e.ReasonCode);
        Assert.Single(_server.Posts);
    }

    [Fact]
    public async Task AnalyzeAsync_OperationFailsInsideTheService_IsSubmittedAgain()
    {
        _server.Polls.Enqueue(FakeDocumentIntelligence.Failed("InternalServerError", "InternalServerError"));

        await Client(Options()).AnalyzeAsync(s_pdf, "application/pdf", Ct);

        Assert.Equal(2, _server.Posts.Count());
    }

    [Fact]
    public async Task AnalyzeAsync_ExpiredOperation_IsSubmittedAgain()
    {
        _server.Polls.Enqueue(FakeDocumentIntelligence.Running());
        _server.Polls.Enqueue(FakeDocumentIntelligence.Error(404, "NotFound", "OperationNotFound"));

        var result = await Client(Options()).AnalyzeAsync(s_pdf, "application/pdf", Ct);

        Assert.Equal(2, _server.Posts.Count());
        Assert.Equal("prebuilt-layout", result.GetProperty("modelId").GetString());
    }

    [Fact]
    public async Task AnalyzeAsync_PollsOutlastTheTotalTimeout_GiveUpInTime()
    {
        _server.DefaultPoll = FakeDocumentIntelligence.Running;
        var poll = TimeSpan.FromMilliseconds(300);
        var start = _clock.GetUtcNow();

        var options = Options(o =>
        {
            o.TotalTimeout = TimeSpan.FromSeconds(1);
            o.PollInterval = o.MinPollInterval = poll;
        });

        var analysis = Client(options).AnalyzeAsync(s_pdf, "application/pdf", Ct);
        await _clock.PassWaitsAsync(analysis, under: options.TotalTimeout, times: 10, Ct);

        // Polls at 0.3, 0.6 and 0.9 s; the whole analysis may take 1 s, so the wait for a fourth is where it gives up.
        Assert.True(analysis.IsCompleted, "still polling after ten polls");
        await Assert.ThrowsAsync<TimeoutRejectedException>(() => analysis);
        Assert.Equal([poll, poll * 2, poll * 3], _server.Gets.Select(g => g.At - start));
    }

    [Fact]
    public async Task AnalyzeAsync_RepeatedServerErrors_OpenTheCircuit()
    {
        var client = Client(Options(o =>
        {
            o.MaxRetries = 1;
            o.BreakMinimumThroughput = 2;
            o.BreakFailureRatio = 0.5;
        }));
        for (var i = 0; i < 10; i++)
        {
            _server.Submits.Enqueue(FakeDocumentIntelligence.Error(500, "InternalServerError"));
        }

        // Two failed attempts reach the minimum throughput at a 100 % failure ratio; the next call never leaves the client.
        await Assert.ThrowsAsync<DocumentIntelligenceException>(() => client.AnalyzeAsync(s_pdf, "application/pdf", Ct));
        await Assert.ThrowsAsync<BrokenCircuitException>(() => client.AnalyzeAsync(s_pdf, "application/pdf", Ct));

        Assert.Equal(2, _server.Posts.Count());
    }

    [Fact]
    public async Task AnalyzeAsync_WithoutKey_SendsAnEntraBearerTokenForTheCognitiveServicesScope()
    {
        var credential = new StaticCredential();

        await Client(Options(o => o.Key = null), credential).AnalyzeAsync(s_pdf, "application/pdf", Ct);

        Assert.All(_server.Requests, r => Assert.Equal("Bearer token-1", r.Authorization));
        Assert.All(_server.Requests, r => Assert.Null(r.Key));
        Assert.Equal(["https://cognitiveservices.azure.com/.default"], credential.Scopes);
    }

    [Fact]
    public void ConfigureRequest_Pipeline_IsRetryThenCircuitBreakerThenAttemptTimeout()
    {
        var options = new DocumentIntelligenceOptions();
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        DocumentIntelligencePipelines.ConfigureRequest(builder, options);

        var descriptor = builder.Build().GetPipelineDescriptor();

        Assert.Collection(descriptor.Strategies,
            s =>
            {
                var retry = Assert.IsType<RetryStrategyOptions<HttpResponseMessage>>(s.Options);
                Assert.Equal(4, retry.MaxRetryAttempts);
                Assert.Equal(DelayBackoffType.Exponential, retry.BackoffType);
                Assert.True(retry.UseJitter);
                Assert.Equal(TimeSpan.FromSeconds(30), retry.MaxDelay);
                Assert.NotNull(retry.DelayGenerator);
            },
            s =>
            {
                var breaker = Assert.IsType<CircuitBreakerStrategyOptions<HttpResponseMessage>>(s.Options);
                Assert.Equal(0.5, breaker.FailureRatio);
                Assert.Equal(TimeSpan.FromSeconds(30), breaker.BreakDuration);
            },
            s => Assert.Equal(TimeSpan.FromSeconds(60), Assert.IsType<TimeoutStrategyOptions>(s.Options).Timeout));
    }

    [Fact]
    public void ConfigureTotal_Pipeline_IsOneTimeoutOfTheWholeAnalysis()
    {
        var builder = new ResiliencePipelineBuilder();
        DocumentIntelligencePipelines.ConfigureTotal(builder, new DocumentIntelligenceOptions());

        var strategy = Assert.Single(builder.Build().GetPipelineDescriptor().Strategies);

        Assert.Equal(TimeSpan.FromMinutes(4), Assert.IsType<TimeoutStrategyOptions>(strategy.Options).Timeout);
    }

    [Theory]
    [InlineData("1", 1000)]
    [InlineData("120", 30_000)]
    public void RetryAfter_Header_IsHonouredUpToTheCap(string header, int expectedMs)
    {
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", header);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), HttpRequestResilience.RetryAfter(response, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task AddDocumentIntelligence_FromConfiguration_ResolvesTheRegisteredPipelines()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DocumentIntelligence:Endpoint"] = _server.Endpoint,
            ["DocumentIntelligence:Key"] = "test-key",
            ["DocumentIntelligence:MinPollInterval"] = "00:00:00",
            ["DocumentIntelligence:PollInterval"] = "00:00:00",
        }).Build();
        await using var services = new ServiceCollection().AddSingleton<TimeProvider>(_clock).AddLogging()
            .AddDocumentIntelligence(configuration).BuildServiceProvider();

        var ocr = services.GetRequiredService<IOcrAnalyzer>();
        var layout = await ocr.AnalyzeAsync(s_pdf, DocumentFormat.Pdf, Ct);

        Assert.True(ocr.IsConfigured);
        Assert.Equal("National report on resolution 1373 (2001)", layout.Paragraphs.Single(p => p.Role == ParagraphRole.Title).Text);
    }

    [Fact]
    public async Task DocumentAnalyzer_AutoModeWithEndpoint_SendsOnlyTheScanToDocumentIntelligence()
    {
        var router = Router(AnalysisMode.Auto);

        var scan = await router.AnalyzeAsync(await Seed("scan-image-only.pdf"), "scan-image-only.pdf", Ct);
        var born = await router.AnalyzeAsync(await Seed("esp-report.pdf"), "esp-report.pdf", Ct);

        Assert.Equal("en", scan.Language);
        Assert.Contains(scan.Paragraphs, p => p.Role == ParagraphRole.Heading && p.Text == "Financing");
        Assert.Equal("es", born.Language);
        var post = Assert.Single(_server.Posts);
        Assert.Equal(await Seed("scan-image-only.pdf"), post.Body);
    }

    [Fact]
    public async Task DocumentAnalyzer_LocalMode_RejectsTheScanAsNeedsOcr()
    {
        var e = await Assert.ThrowsAsync<ReportRejectedException>(async () => await Router(AnalysisMode.Local).AnalyzeAsync(await Seed("scan-image-only.pdf"), "scan.pdf", Ct));

        Assert.Equal(ReasonCodes.NeedsOcr, e.ReasonCode);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task DocumentAnalyzer_DocumentIntelligenceMode_SendsBornDigitalFilesToo()
    {
        var layout = await Router(AnalysisMode.DocumentIntelligence).AnalyzeAsync(await Seed("esp-report.pdf"), "esp-report.pdf", Ct);

        Assert.Single(_server.Posts);
        Assert.Contains(layout.Paragraphs, p => p.Role == ParagraphRole.Footnote);
    }

    private DocumentAnalyzer Router(AnalysisMode mode)
    {
        var analysis = Microsoft.Extensions.Options.Options.Create(new AnalysisOptions { Mode = mode });
        var options = Options();
        var ocr = new DocumentIntelligenceAnalyzer(options, new Lazy<DocumentIntelligenceClient>(() => Client(options)));
        return new DocumentAnalyzer([new PdfAnalyzer(analysis)], analysis, ocr);
    }

    private static async Task<byte[]> Seed(string name)
    {
        var root = typeof(DocumentIntelligenceClientTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;
        return await File.ReadAllBytesAsync(Path.Combine(root, "seeds", "documents", name), Ct);
    }
}
