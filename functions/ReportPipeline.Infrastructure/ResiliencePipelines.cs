using Azure;
using Polly;
using Polly.Retry;

namespace ReportPipeline.Infrastructure;

/// <summary>Names and definitions of the Polly pipelines; the Azure SDK owns HTTP transients, these own operations.</summary>
public static class ResiliencePipelines
{
    /// <summary>Optimistic-concurrency conflicts on table rows: re-read and try again.</summary>
    public const string TableConcurrency = "table-concurrency";

    public const int ConcurrencyAttempts = 6;

    public static void ConfigureTableConcurrency(ResiliencePipelineBuilder builder) =>
        builder.AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<RequestFailedException>(e => e.Status is 409 or 412),
            MaxRetryAttempts = ConcurrencyAttempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromMilliseconds(50),
            UseJitter = true,
        });
}
