using System.Globalization;
using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace ReportPipeline.Infrastructure;

/// <summary>The strategies of one HTTP request to an Azure AI service: retry (outermost), circuit breaker, attempt timeout (innermost).</summary>
public static class HttpRequestResilience
{
    public static ResiliencePipelineBuilder<HttpResponseMessage> AddRequestStrategies(this ResiliencePipelineBuilder<HttpResponseMessage> builder, HttpRequestResilienceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return builder
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(IsTransient),
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

    public static bool IsTransient(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)response.StatusCode >= 500;

    /// <summary>
    /// The wait a 429 or 503 asks for (Azure OpenAI's <c>retry-after-ms</c> first, then <c>Retry-After</c>), capped; null
    /// lets the exponential backoff decide.
    /// </summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan max)
    {
        TimeSpan? delay = null;
        if (response?.Headers.TryGetValues("retry-after-ms", out var values) == true
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds))
        {
            delay = TimeSpan.FromMilliseconds(milliseconds);
        }

        var retryAfter = response?.Headers.RetryAfter;
        delay ??= retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - (response!.Headers.Date ?? date) : null);
        return delay is { } d ? TimeSpan.FromTicks(Math.Clamp(d.Ticks, 0, max.Ticks)) : null;
    }
}
