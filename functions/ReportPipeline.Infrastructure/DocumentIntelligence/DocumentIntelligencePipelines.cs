using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace ReportPipeline.Infrastructure.DocumentIntelligence;

/// <summary>The Polly pipelines of the Document Intelligence client; Polly.Testing asserts their shape.</summary>
public static class DocumentIntelligencePipelines
{
    /// <summary>One HTTP request: retry (outermost), circuit breaker, attempt timeout (innermost).</summary>
    public const string Request = "document-intelligence-request";

    /// <summary>One whole analysis, submit to result.</summary>
    public const string Total = "document-intelligence-total";

    public static void ConfigureRequest(ResiliencePipelineBuilder<HttpResponseMessage> builder, DocumentIntelligenceOptions options)
    {
        var transient = new PredicateBuilder<HttpResponseMessage>()
            .Handle<HttpRequestException>()
            .Handle<TimeoutRejectedException>()
            .HandleResult(IsTransient);
        builder
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = transient,
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, options.MaxRetryDelay)),
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => (int)r.StatusCode >= 500),
                FailureRatio = options.BreakFailureRatio,
                SamplingDuration = options.BreakSampling,
                MinimumThroughput = options.BreakMinimumThroughput,
                BreakDuration = options.BreakDuration,
            })
            .AddTimeout(options.AttemptTimeout);
    }

    public static void ConfigureTotal(ResiliencePipelineBuilder builder, DocumentIntelligenceOptions options) =>
        builder.AddTimeout(options.TotalTimeout);

    public static bool IsTransient(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)response.StatusCode >= 500;

    /// <summary>The wait a 429 or 503 asks for, capped; null lets the exponential backoff decide.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan max)
    {
        var retryAfter = response?.Headers.RetryAfter;
        var delay = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - (response!.Headers.Date ?? date) : null);
        return delay is { } d ? TimeSpan.FromTicks(Math.Clamp(d.Ticks, 0, max.Ticks)) : null;
    }
}
