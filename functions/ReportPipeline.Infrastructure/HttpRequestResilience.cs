using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace ReportPipeline.Infrastructure;

/// <summary>
/// How patiently one HTTP request to an Azure AI service is made: the settings Document Intelligence and Azure OpenAI share,
/// each under its own section (<c>DocumentIntelligence__MaxRetries</c>, <c>AzureOpenAI__MaxRetries</c>, …).
/// </summary>
public abstract class HttpRequestResilienceOptions
{
    /// <summary>Retries of one request after 429, 408, 5xx or a network error.</summary>
    [Range(1, 10)]
    public int MaxRetries { get; set; } = 4;

    /// <summary>First retry delay; later ones grow exponentially with jitter, unless the service sends Retry-After.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait the client accepts from a Retry-After header or the backoff.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of one attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Failure ratio over <see cref="BreakSampling"/> that opens the circuit.</summary>
    [Range(0.01, 1.0)]
    public double BreakFailureRatio { get; set; } = 0.5;

    public TimeSpan BreakSampling { get; set; } = TimeSpan.FromSeconds(60);

    [Range(2, 1000)]
    public int BreakMinimumThroughput { get; set; } = 10;

    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}

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
